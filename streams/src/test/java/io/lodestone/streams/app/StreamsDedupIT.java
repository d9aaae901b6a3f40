package io.lodestone.streams.app;

import static io.lodestone.streams.TestReports.copy;
import static io.lodestone.streams.TestReports.report;
import static io.lodestone.streams.TestReports.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.DedupMethod;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.serde.AvroDeserializer;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams app on the real broker and registry: exactly-once output, dead letters, and dedup state
 * that survives a restart on an empty state directory (restored from the changelog topics).
 */
@ExtendWith(TestStackExtension.class)
class StreamsDedupIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void restartedAppRestoresDedupStateFromItsChangelogs(TestStack stack, @TempDir Path firstState, @TempDir Path secondState)
      throws Exception {
    Map<String, Object> config = new HashMap<>(Map.of(
        CommonOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers(), CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl(),
        CommonOptions.TOPIC_RAW, "it.dedup.raw", CommonOptions.TOPIC_ENRICHED, "it.dedup.enriched",
        CommonOptions.TOPIC_DUPLICATES, "it.dedup.duplicates", CommonOptions.TOPIC_DEAD_LETTER, "it.dedup.deadletter",
        StreamsAppConfig.APPLICATION_ID, "it-dedup-streams", StreamsAppConfig.COMMIT_INTERVAL_MS, 50L));
    Instant now = Instant.now();
    NewsReport original = report("it-a1", "wire", "Cobalt export quotas", text(11, 300), now);

    config.put(StreamsAppConfig.STATE_DIR, firstState.toString());
    try (StreamsApp app = started(config)) {
      publish(config, original);
      assertThat(read(stack, "it.dedup.enriched", EnrichedReport.class, 1)).extracting(r -> r.getReport().getId())
          .containsExactly("it-a1");
    }

    config.put(StreamsAppConfig.STATE_DIR, secondState.toString());
    try (StreamsApp app = started(config)) {
      publish(config, copy(original, "it-b2", "herald", original.getBody(), now.plusSeconds(1)));
      read(stack, "it.dedup.duplicates", DuplicateNotice.class, 1);
      publish(config, copy(original, "it-c3", "daily", original.getBody().replaceFirst("cobalt", "zinc") + " More follows.",
          now.plusSeconds(2)));
      poison(stack, "it.dedup.raw");

      List<DuplicateNotice> notices = read(stack, "it.dedup.duplicates", DuplicateNotice.class, 2);
      assertThat(notices).extracting(DuplicateNotice::getReportId).containsExactly("it-b2", "it-c3");
      assertThat(notices).extracting(DuplicateNotice::getDuplicateOf).containsOnly("it-a1");
      assertThat(notices).extracting(DuplicateNotice::getMethod).containsExactly(DedupMethod.FINGERPRINT, DedupMethod.MINHASH);
      assertThat(notices.get(1).getCanonicalDuplicateCount()).isEqualTo(2);
      assertThat(notices.get(1).getCanonicalSourcesSeen()).containsExactly("wire", "herald", "daily");
      List<DeadLetter> letters = read(stack, "it.dedup.deadletter", DeadLetter.class, 1);
      assertThat(letters.get(0).getTopic()).isEqualTo("it.dedup.raw");
      assertThat(letters.get(0).getReportId()).isEqualTo("poison");
      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(read(stack, "it.dedup.enriched", EnrichedReport.class, 1)).hasSize(1);
    }
  }

  private static StreamsApp started(Map<String, Object> config) throws InterruptedException {
    StreamsApp app = new StreamsApp(new StreamsAppConfig(config));
    app.start();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (app.streams().state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return app;
  }

  private static void publish(Map<String, Object> config, NewsReport... reports) {
    try (ReportPublisher publisher = new ReportPublisher(new IngestConfig(Map.of(
        CommonOptions.BOOTSTRAP_SERVERS, config.get(CommonOptions.BOOTSTRAP_SERVERS),
        CommonOptions.SCHEMA_REGISTRY_URL, config.get(CommonOptions.SCHEMA_REGISTRY_URL),
        CommonOptions.TOPIC_RAW, config.get(CommonOptions.TOPIC_RAW))))) {
      for (NewsReport report : reports) {
        publisher.publish(report).join();
      }
    }
  }

  private static void poison(TestStack stack, String topic) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "poison".getBytes(StandardCharsets.UTF_8),
          "not a report".getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** All committed records of a topic, waiting for at least {@code expected}. */
  private static <T> List<T> read(TestStack stack, String topic, Class<T> type, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dedup-reader-" + System.nanoTime());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Deserializer<T> values = new AvroDeserializer(new SchemaRegistryClient(stack.registryUrl()), (Class) type);
    List<T> records = new ArrayList<>();
    try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> records.add(record.value()));
      }
      consumer.poll(Duration.ofSeconds(2)).forEach(record -> records.add(record.value()));
    }
    return records;
  }
}
