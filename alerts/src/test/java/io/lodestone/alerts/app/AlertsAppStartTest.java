package io.lodestone.alerts.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.alerts.AlertsConfig;
import io.lodestone.alerts.files.DataFileException;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.stack.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsAppStartTest {
  @Test
  void refusesABrokenRulesFileBeforeItWaitsForKafka(@TempDir Path dir) throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: unclosed\n    themes: [supply-disruption\n");
    AlertsConfig config = new AlertsConfig(Map.of(CommonOptions.BOOTSTRAP_SERVERS, "127.0.0.1:" + Ports.free(),
        AlertsConfig.RULES_FILE, rules.toString(), AlertsConfig.STATE_DIR, dir.resolve("state").toString()));

    // with Kafka asked first, this would be a KafkaUnreachableException a minute later
    assertThatThrownBy(() -> new AlertsApp(config, Map.of())).isExactlyInstanceOf(DataFileException.class)
        .hasMessage(rules + ": expected ',' or ']', but got <stream end> (line 4, column 1)");
  }
}
