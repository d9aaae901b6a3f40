package io.lodestone.alerts.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.alerts.AlertFilter;
import io.lodestone.alerts.AlertJson;
import io.lodestone.core.retry.Backoff;
import io.lodestone.alerts.webhook.Deliverer;
import io.lodestone.alerts.webhook.Delivery;
import io.lodestone.alerts.webhook.Subscription;
import io.lodestone.alerts.webhook.WebhookSender;
import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.AlertWindow;
import io.lodestone.schemas.Severity;
import io.lodestone.schemas.SupplyChainAlert;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroSerializer;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documented subscriber examples (alerts/examples/*.py) run with Debian's Python packages, the ones
 * CI installs: the Kafka consumer reads an alert published by Lodestone's serializer, and the webhook
 * receiver accepts a signed delivery, ignores its repeat and refuses a wrong signature.
 */
@ExtendWith(TestStackExtension.class)
class PythonSubscribersIT {
  private static final String PYTHON = "/usr/bin/python3";
  private static final Path EXAMPLES = Path.of(System.getProperty("lodestone.repo", ".."), "alerts", "examples");
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final SupplyChainAlert SPIKE = SupplyChainAlert.newBuilder()
      .setId("5f1c0ffee5f1c0ffee5f1c0ffee5f1c0").setKind(AlertKind.SPIKE).setRule("spike-mineral")
      .setSeverity(Severity.MEDIUM).setThemes(List.of()).setMinerals(List.of("lithium")).setCountries(List.of())
      .setReportIds(List.of("r1", "r2")).setSummary("Spike in mineral lithium: 9 reports")
      .setWindow(AlertWindow.newBuilder().setStart(Instant.parse("2026-01-13T08:00:00Z"))
          .setEnd(Instant.parse("2026-01-13T09:00:00Z")).setCount(9).setBaseline(1.5).build())
      .setCreatedAt(Instant.parse("2026-01-13T09:10:00Z")).build();

  @BeforeAll
  static void pythonWithTheClientLibraries() throws Exception {
    Process check = new ProcessBuilder(PYTHON, "-c", "import confluent_kafka, avro, requests").start();
    // A missing client is a broken test machine, not a reason to skip: CI's .ci/run installs them.
    if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
      throw new IllegalStateException("these tests need /usr/bin/python3 with Confluent's client: "
          + "apt-get install -y python3-confluent-kafka python3-avro python3-requests");
    }
  }

  @Test
  void thePythonConsumerExampleReadsAnAlert(TestStack stack) throws Exception {
    String topic = "it.python.alerts";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    AvroSerializer<SupplyChainAlert> serializer = new AvroSerializer<>(new SchemaRegistryClient(stack.registryUrl()));
    serializer.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        stack.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, SPIKE.getId(), serializer.serialize(topic, SPIKE))).get();
    }

    try (PythonProcess consumer = new PythonProcess(Map.of(), EXAMPLES.resolve("consume_alerts.py").toString(),
        "--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl(), "--topic", topic,
        "--group", "it-python", "--max", "1")) {
      JsonNode alert = new ObjectMapper().readTree(consumer.nextLine());
      assertThat(alert.get("id").asText()).isEqualTo(SPIKE.getId());
      assertThat(alert.get("kind").asText()).isEqualTo("SPIKE");
      assertThat(alert.get("minerals").get(0).asText()).isEqualTo("lithium");
      assertThat(alert.get("window").get("count").asLong()).isEqualTo(9);
      assertThat(alert.get("created_at").asText()).startsWith("2026-01-13 09:10:00");
      assertThat(consumer.exitCode()).isZero();
    }
  }

  @Test
  void theWebhookReceiverExampleVerifiesSignaturesAndIgnoresRepeats() throws Exception {
    try (PythonProcess receiver = new PythonProcess(Map.of("LODESTONE_WEBHOOK_SECRET", "receiver-secret"),
        EXAMPLES.resolve("webhook_receiver.py").toString(), "--port", "0")) {
      URI url = URI.create(receiver.nextLine().replace("listening on ", "").strip());
      Deliverer deliverer = new Deliverer(new WebhookSender(Duration.ofSeconds(5), Duration.ofSeconds(10)),
          new Backoff(10, 50), 2);
      byte[] body = AlertJson.bytes(SPIKE);
      Subscription subscription = new Subscription("python", url, "receiver-secret".getBytes(StandardCharsets.UTF_8),
          AlertFilter.ALL);
      Subscription forged = new Subscription("forged", url, "wrong".getBytes(StandardCharsets.UTF_8), AlertFilter.ALL);

      Delivery first = deliverer.deliver(subscription, SPIKE.getId(), body, () -> true);
      Delivery repeat = deliverer.deliver(subscription, SPIKE.getId(), body, () -> true);
      Delivery refused = deliverer.deliver(forged, SPIKE.getId(), body, () -> true);

      assertThat(first.delivered()).isTrue();
      assertThat(repeat.delivered()).isTrue();
      assertThat(refused.delivered()).isFalse();
      assertThat(refused.detail()).isEqualTo("rejected: HTTP 401");
      assertThat(receiver.nextLine()).isEqualTo("MEDIUM SPIKE spike-mineral: Spike in mineral lithium: 9 reports ["
          + SPIKE.getId() + "]");
      assertThat(receiver.linesSoFar()).as("the repeat is not handled twice").isEmpty();
    }
  }

  /** A Python example run as a child process, its output read line by line. */
  private static final class PythonProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    PythonProcess(Map<String, String> env, String... args) throws IOException {
      List<String> command = new ArrayList<>(List.of(PYTHON, "-u"));
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(env);
      process = builder.start();
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          out.lines().forEach(lines::add);
        } catch (IOException e) {
          lines.add("(output unreadable: " + e.getMessage() + ")");
        }
      }, "python-output");
      reader.setDaemon(true);
      reader.start();
    }

    String nextLine() throws InterruptedException {
      String line = lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("no output from the Python example within " + TIMEOUT);
      }
      return line;
    }

    List<String> linesSoFar() {
      List<String> drained = new ArrayList<>();
      lines.drainTo(drained);
      return drained;
    }

    int exitCode() throws InterruptedException {
      assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the example exits").isTrue();
      return process.exitValue();
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
