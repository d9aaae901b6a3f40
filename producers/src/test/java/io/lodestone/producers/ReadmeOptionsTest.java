package io.lodestone.producers;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.ConfigDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The options table of producers/README.md is the one the ConfigDef renders. */
class ReadmeOptionsTest {
  @Test
  void readmeListsEveryOptionAsDefined() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("lodestone.repo"), "producers", "README.md"));
    assertThat(ConfigDocs.readmeTable(readme)).as("regenerate it with ConfigDocs.markdownTable(IngestConfig.CONFIG)")
        .isEqualTo(ConfigDocs.markdownTable(IngestConfig.CONFIG));
  }
}
