package io.lodestone.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.ConfigDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The options table of sink/README.md is the one generated from SinkConfig. */
class SinkReadmeTest {
  @Test
  void optionsTableMatchesTheConfigDefinition() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("lodestone.repo", "..")).resolve("sink/README.md"));
    assertThat(ConfigDocs.readmeTable(readme)).as("regenerate with ConfigDocs.markdownTable(SinkConfig.CONFIG)")
        .isEqualTo(ConfigDocs.markdownTable(SinkConfig.CONFIG));
  }
}
