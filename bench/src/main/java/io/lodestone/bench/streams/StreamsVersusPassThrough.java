package io.lodestone.bench.streams;

import io.lodestone.bench.measure.ProcessCpu;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.TopologySerdes;
import io.lodestone.streams.app.StreamsApp;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The streams topology's processing rate against a pass-through topology (raw to a topic with the
 * same Avro serdes and exactly-once) on the same broker and registry, in one run: the reports are
 * published once to a topic of their own, then each app, in this JVM, consumes all of them from the
 * start; its rate is the reports divided by the time until all its output is committed.
 */
public final class StreamsVersusPassThrough {
  private static final Duration TIMEOUT = Duration.ofMinutes(15);
  private final Map<String, Object> common;
  private final String bootstrap;
  private final String registryUrl;
  private final String run;
  private final Consumer<String> progress;

  /** @param run names this run's topics and application ids, so that runs never share state */
  public StreamsVersusPassThrough(IngestConfig ingest, String run, Consumer<String> progress) {
    this.bootstrap = ingest.getString(CommonOptions.BOOTSTRAP_SERVERS);
    this.registryUrl = ingest.getString(CommonOptions.SCHEMA_REGISTRY_URL);
    this.run = "lodestone.bench." + run;
    this.progress = progress;
    this.common = new HashMap<>(Map.of(CommonOptions.BOOTSTRAP_SERVERS, bootstrap, CommonOptions.SCHEMA_REGISTRY_URL, registryUrl,
        CommonOptions.TOPIC_RAW, this.run + ".raw", CommonOptions.TOPIC_ENRICHED, this.run + ".enriched",
        CommonOptions.TOPIC_DUPLICATES, this.run + ".duplicates", CommonOptions.TOPIC_DEAD_LETTER, this.run + ".deadletter"));
  }

  /**
   * Rates of the pass-through and of the Lodestone topology, in reports per second, with the CPU time (ns)
   * each process used while each ran.
   */
  public record Rates(double passThrough, double lodestone, Map<String, Long> passThroughCpu, Map<String, Long> lodestoneCpu) {}

  /**
   * Publishes the reports (distinct ones: a duplicate makes no enriched record) and measures both topologies.
   *
   * @param cpu the CPU time used so far by each process of interest, to tell what each topology cost
   */
  public Rates measure(List<NewsReport> reports, Supplier<Map<String, Long>> cpu) throws IOException {
    TopicBootstrap.ensure(bootstrap, List.of(new TopicBootstrap.TopicSpec(run + ".raw", 3, (short) 1, Map.of()),
        new TopicBootstrap.TopicSpec(run + ".passthrough", 3, (short) 1, Map.of())));
    try (ReportPublisher publisher = new ReportPublisher(new IngestConfig(common))) {
      reports.forEach(publisher::publish);
      publisher.flush();
    }
    progress.accept("streams: " + reports.size() + " reports published to " + run + ".raw; pass-through topology running");
    Map<String, Long> before = cpu.get();
    double passThrough = reports.size() / passThrough(reports.size());
    Map<String, Long> between = cpu.get();
    progress.accept(String.format("streams: pass-through %.0f reports/s; Lodestone topology running", passThrough));
    double lodestone;
    try (StreamsApp app = new StreamsApp(appConfig(run + "-lodestone"))) {
      long start = System.nanoTime();
      app.start();
      lodestone = reports.size() / awaitRecords(reports.size(), start, run + ".enriched", run + ".duplicates");
    }
    return new Rates(passThrough, lodestone, ProcessCpu.between(before, between), ProcessCpu.between(between, cpu.get()));
  }

  private double passThrough(int count) throws IOException {
    StreamsAppConfig config = appConfig(run + "-passthrough");
    TopologySerdes serdes = TopologySerdes.registry(new SchemaRegistryClient(registryUrl),
        Map.of(CommonOptions.SCHEMA_REGISTRY_URL, registryUrl));
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(run + ".raw", Consumed.with(Serdes.String(), serdes.newsReport()))
        .to(run + ".passthrough", Produced.with(Serdes.String(), serdes.newsReport()));
    // The app's own properties (exactly-once, commit interval, threads, handlers): only the topology differs.
    try (KafkaStreams streams = new KafkaStreams(builder.build(), StreamsApp.streamsProperties(config))) {
      long start = System.nanoTime();
      streams.start();
      return awaitRecords(count, start, run + ".passthrough");
    }
  }

  /**
   * The streams app's configuration as the environment sets it (e.g. {@code LODESTONE_COMPRESSION_TYPE}), with
   * this run's topics, application id and state.
   */
  private StreamsAppConfig appConfig(String applicationId) throws IOException {
    Map<String, Object> config = new HashMap<>(common);
    config.put(StreamsAppConfig.APPLICATION_ID, applicationId);
    config.put(StreamsAppConfig.STATE_DIR, Files.createTempDirectory(applicationId).toString());
    return StreamsAppConfig.fromEnvironment(config);
  }

  /** Seconds from {@code start} until the topics hold {@code count} committed records in all. */
  private double awaitRecords(int count, long start, String... topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-counter-" + System.nanoTime());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long seen = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics));
      long deadline = start + TIMEOUT.toNanos();
      while (seen < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + seen + " of " + count + " records within " + TIMEOUT);
        }
        seen += consumer.poll(Duration.ofMillis(100)).count();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
