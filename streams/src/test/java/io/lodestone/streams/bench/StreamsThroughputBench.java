package io.lodestone.streams.bench;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.TopologySerdes;
import io.lodestone.streams.app.StreamsApp;
import io.lodestone.testkit.TestStack;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Throughput of the running topology against a pass-through topology (raw to a topic, the same Avro
 * serdes, exactly-once) on the same broker and registry, in the same run: {@value #REPORTS} distinct
 * 3 KB reports are published first, then each app consumes all of them from the start and the time
 * until all its output is committed is measured. Run with
 * {@code mvn -pl streams -am -Pthroughput -DskipTests verify} (starts the test stack in this JVM).
 */
public final class StreamsThroughputBench {
  private static final int REPORTS = 20_000;
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private StreamsThroughputBench() {}

  public static void main(String[] args) throws Exception {
    TestStack stack = TestStack.get();
    String run = "bench" + System.currentTimeMillis();
    Map<String, Object> common = new HashMap<>(Map.of(CommonOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl(), CommonOptions.TOPIC_RAW, run + ".raw",
        CommonOptions.TOPIC_ENRICHED, run + ".enriched", CommonOptions.TOPIC_DUPLICATES, run + ".duplicates",
        CommonOptions.TOPIC_DEAD_LETTER, run + ".deadletter"));
    TopicBootstrap.ensure(stack.bootstrapServers(), List.of(new TopicBootstrap.TopicSpec(run + ".raw", 3, (short) 1, Map.of()),
        new TopicBootstrap.TopicSpec(run + ".passthrough", 3, (short) 1, Map.of())));
    try (ReportPublisher publisher = new ReportPublisher(new IngestConfig(common))) {
      for (NewsReport report : BenchmarkReports.threeKilobyteReports(REPORTS)) {
        publisher.publish(report);
      }
      publisher.flush();
    }
    System.out.printf("published %,d reports of 3 KB to %s%n", REPORTS, run + ".raw");

    double passThrough = passThrough(stack, common, run);
    StreamsAppConfig config = appConfig(common, run + "-lodestone");
    double lodestone;
    try (StreamsApp app = new StreamsApp(config)) {
      long start = System.nanoTime();
      app.start();
      lodestone = REPORTS / awaitRecords(stack, start, run + ".enriched", run + ".duplicates");
    }
    System.out.printf("pass-through topology: %,.0f reports/s%n", passThrough);
    System.out.printf("Lodestone topology:    %,.0f reports/s (%.2f of pass-through)%n", lodestone, lodestone / passThrough);
    stack.close();
  }

  private static double passThrough(TestStack stack, Map<String, Object> common, String run) throws Exception {
    StreamsAppConfig config = appConfig(common, run + "-passthrough");
    TopologySerdes serdes = TopologySerdes.registry(new SchemaRegistryClient(stack.registryUrl()),
        Map.of(CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl()));
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(run + ".raw", Consumed.with(Serdes.String(), serdes.newsReport()))
        .to(run + ".passthrough", Produced.with(Serdes.String(), serdes.newsReport()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(StreamsAppConfig.APPLICATION_ID));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(StreamsAppConfig.COMMIT_INTERVAL_MS));
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(StreamsAppConfig.STATE_DIR));
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      long start = System.nanoTime();
      streams.start();
      return REPORTS / awaitRecords(stack, start, run + ".passthrough");
    }
  }

  private static StreamsAppConfig appConfig(Map<String, Object> common, String applicationId) throws Exception {
    Map<String, Object> config = new HashMap<>(common);
    config.put(StreamsAppConfig.APPLICATION_ID, applicationId);
    config.put(StreamsAppConfig.STATE_DIR, Files.createTempDirectory(applicationId).toString());
    return new StreamsAppConfig(config);
  }

  /** Seconds from {@code start} until the topics hold {@value #REPORTS} committed records in all. */
  private static double awaitRecords(TestStack stack, long start, String... topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-counter-" + System.nanoTime());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics));
      long deadline = start + TIMEOUT.toNanos();
      while (count < REPORTS) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + count + " of " + REPORTS + " records within " + TIMEOUT);
        }
        count += consumer.poll(Duration.ofMillis(100)).count();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
