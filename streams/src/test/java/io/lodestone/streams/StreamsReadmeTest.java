package io.lodestone.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.ConfigDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The options table of streams/README.md is the one generated from StreamsAppConfig. */
class StreamsReadmeTest {
  @Test
  void optionsTableMatchesTheConfigDefinition() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("lodestone.repo", ".."), "streams", "README.md"));
    assertThat(ConfigDocs.readmeTable(readme)).as("regenerate with ConfigDocs.markdownTable(StreamsAppConfig.CONFIG)")
        .isEqualTo(ConfigDocs.markdownTable(StreamsAppConfig.CONFIG));
  }
}
