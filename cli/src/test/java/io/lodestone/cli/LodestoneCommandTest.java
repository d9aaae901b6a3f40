package io.lodestone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.kafka.KafkaUnreachableException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LodestoneCommandTest {
  @Test
  void aFileThatCannotBeOpenedIsNamedWithWhatWentWrong() {
    assertThat(LodestoneCommand.userMessage(new UncheckedIOException(new NoSuchFileException("out/x.jsonl"))))
        .isEqualTo("no such file or directory: out/x.jsonl");
    assertThat(LodestoneCommand.userMessage(new AccessDeniedException("/etc/shadow")))
        .isEqualTo("permission denied: /etc/shadow");
    assertThat(LodestoneCommand.userMessage(new FileSystemException("/mnt/full/x", null, "No space left on device")))
        .isEqualTo("/mnt/full/x: No space left on device");
  }

  @Test
  void kafkaNotAnsweringIsShownAsItIsSaid() {
    String said = "Kafka at 127.0.0.1:9092 did not answer while the topics were checked; is it running (./lodestone status)?";

    assertThat(LodestoneCommand.userMessage(new RuntimeException(new KafkaUnreachableException(said, null)))).isEqualTo(said);
  }

  @Test
  void otherFailuresPointToTheStackTrace() {
    assertThat(LodestoneCommand.userMessage(new IllegalStateException(new IllegalArgumentException("bad value"))))
        .isEqualTo("bad value (set LODESTONE_DEBUG=1 for the stack trace)");
  }

  @Test
  void processIntoAMissingDirectorySaysSoInOneLine(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"url\":\"https://example.com/1\",\"title\":\"Copper\",\"body\":\"Copper.\"}\n");
    Path out = dir.resolve("missing/out.jsonl");
    CommandRun run = CommandRun.of("process", "--in", in.toString(), "--out", out.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(CommandRun.errorLine("no such file or directory: " + out));
  }
}
