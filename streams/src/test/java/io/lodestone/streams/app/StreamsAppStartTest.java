package io.lodestone.streams.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.stack.Ports;
import io.lodestone.streams.StreamsAppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsAppStartTest {
  @Test
  void refusesABrokenTaxonomyBeforeItWaitsForKafka(@TempDir Path dir) throws Exception {
    Path taxonomy = Files.writeString(dir.resolve("taxonomy.yaml"), "version: x\nscoring: {repeat_decay: 0.5\n");
    StreamsAppConfig config = new StreamsAppConfig(Map.of(CommonOptions.BOOTSTRAP_SERVERS, "127.0.0.1:" + Ports.free(),
        StreamsAppConfig.TAXONOMY_FILE, taxonomy.toString(), StreamsAppConfig.STATE_DIR, dir.resolve("state").toString()));

    // with Kafka asked first, this would be a KafkaUnreachableException a minute later
    assertThatThrownBy(() -> new StreamsApp(config)).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Taxonomy " + taxonomy + " is not valid YAML: expected ',' or '}', but got <stream end> (line 3, column 1)");
  }
}
