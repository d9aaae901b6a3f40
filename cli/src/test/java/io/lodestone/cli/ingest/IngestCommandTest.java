package io.lodestone.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Options no import can use are refused in one sentence before Kafka is contacted (these runs need no broker). */
class IngestCommandTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--threads=0    | --threads must be at least 1; got 0",
      "--interval=PT0S | --interval must be a positive duration such as PT2S; got PT0S",
      "--interval=-PT1S | --interval must be a positive duration such as PT2S; got PT-1S",
  })
  void refusesAnOptionNoImportCanUse(String option, String message) {
    CommandRun run = CommandRun.of("ingest", option, "deploy/samples");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(CommandRun.errorLine(message));
  }

  @Test
  void watchingFilesOnlyIsRefusedBeforeKafkaIsAsked(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("reports.jsonl"), "{\"title\":\"Copper\",\"body\":\"Copper.\"}\n");
    CommandRun run = CommandRun.of("ingest", "--watch", file.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(CommandRun.errorLine("--watch needs at least one directory"));
  }
}
