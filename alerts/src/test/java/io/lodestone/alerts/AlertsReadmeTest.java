package io.lodestone.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.ConfigDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The options table of alerts/README.md is the one generated from AlertsConfig. */
class AlertsReadmeTest {
  @Test
  void theReadmeListsEveryOptionAsTheConfigDefinesIt() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("lodestone.repo", ".."), "alerts", "README.md"));
    assertThat(ConfigDocs.readmeTable(readme)).as("regenerate the table with ConfigDocs.markdownTable(AlertsConfig.CONFIG)")
        .isEqualTo(ConfigDocs.markdownTable(AlertsConfig.CONFIG));
  }
}
