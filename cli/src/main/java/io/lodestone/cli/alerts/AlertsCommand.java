package io.lodestone.cli.alerts;

import io.lodestone.alerts.AlertFilter;
import io.lodestone.alerts.AlertJson;
import io.lodestone.alerts.AlertText;
import io.lodestone.alerts.AlertsConfig;
import io.lodestone.cli.Workspace;
import io.lodestone.cli.run.AlertsAppCommand;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.BootstrapProbe;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.schemas.Severity;
import io.lodestone.schemas.SupplyChainAlert;
import io.lodestone.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone alerts}: prints alerts as they are published; {@code lodestone alerts run} runs the alerts app. */
@Command(name = "alerts", mixinStandardHelpOptions = true, subcommands = AlertsAppCommand.class,
    description = "Print alerts of lodestone.alerts live, one line each (or JSON), until Ctrl-C. Reads without a consumer "
        + "group, so it takes nothing from other subscribers. The alerts app that raises them is started by lodestone up, "
        + "or in the foreground by lodestone alerts run.")
public final class AlertsCommand implements Callable<Integer> {
  @Option(names = "--from-beginning", description = "Print the alerts already in the topic first.")
  boolean fromBeginning;

  @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "LOW",
      description = "Least severity shown: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Severity minSeverity;

  @Option(names = "--json", description = "Print each alert as one line of JSON (the webhook body).")
  boolean json;

  @Option(names = {"-n", "--max"}, paramLabel = "N", defaultValue = "0", description = "Exit after N alerts (0: never).")
  int max;

  @Override
  public Integer call() {
    AlertsConfig config = AlertsConfig.fromEnvironment(Workspace.current().connectionOverrides());
    String topic = config.getString(CommonOptions.TOPIC_ALERTS);
    String bootstrap = config.getString(CommonOptions.BOOTSTRAP_SERVERS);
    BootstrapProbe.requireListening(bootstrap);
    TopicBootstrap.ensureConfigured(config, List.of(CommonOptions.TOPIC_ALERTS));
    AvroDeserializer<SupplyChainAlert> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of(CommonOptions.SCHEMA_REGISTRY_URL, config.getString(CommonOptions.SCHEMA_REGISTRY_URL),
        "specific.avro.reader", true), false);
    AlertFilter filter = new AlertFilter(minSeverity, null, null, null, null);
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    int printed = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      System.err.println("Waiting for alerts on " + topic + " (Ctrl-C to stop)...");
      while (max == 0 || printed < max) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          SupplyChainAlert alert = read(deserializer, record);
          if (alert != null && filter.matches(alert) && (max == 0 || printed < max)) {
            System.out.println(json ? AlertJson.text(alert) : AlertText.line(alert, AlertsCommand::colour));
            System.out.flush();
            printed++;
          }
        }
      }
    }
    return 0;
  }

  private static SupplyChainAlert read(AvroDeserializer<SupplyChainAlert> deserializer, ConsumerRecord<String, byte[]> record) {
    try {
      return deserializer.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      System.err.printf("skipping %s-%d@%d: %s%n", record.topic(), record.partition(), record.offset(), e.getMessage());
      return null;
    }
  }

  private static String colour(String severity) {
    String style = switch (severity.strip()) {
      case "CRITICAL" -> "bold,red";
      case "HIGH" -> "red";
      case "MEDIUM" -> "yellow";
      default -> "faint";
    };
    return CommandLine.Help.Ansi.AUTO.string("@|" + style + " " + severity + "|@");
  }
}
