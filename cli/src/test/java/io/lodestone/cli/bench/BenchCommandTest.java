package io.lodestone.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Options no run can use are refused in one sentence before the bench starts the stack (these runs start nothing). */
class BenchCommandTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--min-seconds=0            | --min-seconds must be at least 1; got 0",
      "--ceiling-documents=-5     | --ceiling-documents must be at least 1; got -5",
      "--rates=100,-1             | --rates must be reports per second, 0 or more (0: half the end-to-end capacity); got [100.0, -1.0]",
      "--rates=NaN                | --rates must be reports per second, 0 or more (0: half the end-to-end capacity); got [NaN]",
      "--off-topic=1.5            | --off-topic is a share of the generated reports, from 0 to 1; got 1.5",
      "--near-duplicates=0.96     | --exact-duplicates and --near-duplicates together must stay below 1, so that some reports are originals",
  })
  void refusesAnOptionNoRunCanUse(String option, String message) {
    CommandRun run = CommandRun.of("bench", option);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(CommandRun.errorLine(message));
  }

  @Test
  void theDefaultsPass() {
    BenchCommand defaults = new BenchCommand();
    new CommandLine(defaults).parseArgs();

    defaults.checkOptions();
  }
}
