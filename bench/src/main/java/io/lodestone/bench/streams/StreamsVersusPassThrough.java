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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
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
  /** The steady rate leaves out the first 1/STEADY_FROM of the output. */
  private static final int STEADY_FROM = 10;
  /** Application ids: the run's prefix and these. */
  private static final String PASS_THROUGH = "-passthrough";
  private static final String LODESTONE = "-lodestone";
  private final Map<String, Object> common;
  private final String bootstrap;
  private final String registryUrl;
  private final String run;
  private final Consumer<String> progress;
  /** The state directories the run creates, for {@link RunCleanup}. */
  private final List<Path> stateDirs = new ArrayList<>();
  /** Whether the apps' groups use the broker-side streams protocol, which decides how they are deleted. */
  private final boolean streamsGroups;

  /**
   * @param run names this run's topics and application ids, so that runs never share state
   * @param progress receives a line at each step (the caller labels them with the phase)
   */
  public StreamsVersusPassThrough(IngestConfig ingest, String run, Consumer<String> progress) {
    this.bootstrap = ingest.getString(CommonOptions.BOOTSTRAP_SERVERS);
    this.registryUrl = ingest.getString(CommonOptions.SCHEMA_REGISTRY_URL);
    this.run = "lodestone.bench." + run;
    this.progress = progress;
    this.common = new HashMap<>(Map.of(CommonOptions.BOOTSTRAP_SERVERS, bootstrap, CommonOptions.SCHEMA_REGISTRY_URL, registryUrl,
        CommonOptions.TOPIC_RAW, this.run + ".raw", CommonOptions.TOPIC_ENRICHED, this.run + ".enriched",
        CommonOptions.TOPIC_DUPLICATES, this.run + ".duplicates", CommonOptions.TOPIC_DEAD_LETTER, this.run + ".deadletter"));
    this.streamsGroups = StreamsAppConfig.fromEnvironment(common).getString(StreamsAppConfig.GROUP_PROTOCOL).equals("streams");
  }

  /** How the pass-through and the Lodestone topology ran. */
  public record Rates(Run passThrough, Run lodestone) {}

  /**
   * One topology's run: its rate over the whole run (start-up included), its steady rate (from the moment a
   * tenth of its output was committed to the end, so without start-up, the first rebalance and the JIT's
   * first compilations), and the CPU time (ns) each process used meanwhile.
   */
  public record Run(double rate, double steadyRate, Map<String, Long> cpu) {}

  /** Output committed: seconds from the start until a tenth of it, and until all of it. */
  private record Output(int count, double tenthSeconds, double allSeconds) {
    double rate() {
      return count / allSeconds;
    }

    /** The whole run's rate when all the output came at once. */
    double steadyRate() {
      return allSeconds > tenthSeconds ? (count - count / STEADY_FROM) / (allSeconds - tenthSeconds) : rate();
    }
  }

  /**
   * Publishes the reports and measures both topologies.
   *
   * @param cpu the CPU time used so far by each process of interest, to tell what each topology cost
   */
  public Rates measure(List<NewsReport> reports, Supplier<Map<String, Long>> cpu) throws IOException {
    try {
      return measureBoth(reports, cpu);
    } finally {
      progress.accept(RunCleanup.remove(bootstrap, run, List.of(run + PASS_THROUGH, run + LODESTONE), streamsGroups,
          stateDirs, Duration.ofSeconds(30)));
    }
  }

  private Rates measureBoth(List<NewsReport> reports, Supplier<Map<String, Long>> cpu) throws IOException {
    TopicBootstrap.ensure(bootstrap, List.of(new TopicBootstrap.TopicSpec(run + ".raw", 3, (short) 1, Map.of()),
        new TopicBootstrap.TopicSpec(run + ".passthrough", 3, (short) 1, Map.of())));
    try (ReportPublisher publisher = new ReportPublisher(new IngestConfig(common))) {
      reports.forEach(publisher::publish);
      publisher.flush();
    }
    progress.accept(reports.size() + " reports published to " + run + ".raw; pass-through topology running");
    Map<String, Long> before = cpu.get();
    Output passThrough = passThrough(reports.size());
    Map<String, Long> between = cpu.get();
    progress.accept(String.format("pass-through %.0f reports/s (steady %.0f); Lodestone topology running",
        passThrough.rate(), passThrough.steadyRate()));
    Output lodestone;
    try (StreamsApp app = new StreamsApp(appConfig(run + LODESTONE))) {
      long start = System.nanoTime();
      app.start();
      lodestone = awaitRecords(lodestoneOutputs(reports), start, run + ".enriched", run + ".duplicates", run + ".deadletter");
    }
    return new Rates(new Run(passThrough.rate(), passThrough.steadyRate(), ProcessCpu.between(before, between)),
        new Run(lodestone.rate(), lodestone.steadyRate(), ProcessCpu.between(between, cpu.get())));
  }

  /**
   * What the Lodestone topology writes: one record per report id, its canonical report, a duplicate notice or a dead
   * letter. A report id seen before is a re-delivery, dropped without output: a corpus may hold the same URL twice.
   */
  private static int lodestoneOutputs(List<NewsReport> reports) {
    return (int) reports.stream().map(NewsReport::getId).distinct().count();
  }

  private Output passThrough(int count) throws IOException {
    StreamsAppConfig config = appConfig(run + PASS_THROUGH);
    TopologySerdes serdes = TopologySerdes.registry(new SchemaRegistryClient(registryUrl),
        Map.of(CommonOptions.SCHEMA_REGISTRY_URL, registryUrl));
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(run + ".raw", Consumed.with(Serdes.String(), serdes.newsReport()))
        .to(run + ".passthrough", Produced.with(Serdes.String(), serdes.newsReport()));
    // The app's own properties (exactly-once, commit interval, threads, handlers): only the topology differs.
    KafkaStreams streams = new KafkaStreams(builder.build(), StreamsApp.streamsProperties(config));
    try {
      long start = System.nanoTime();
      streams.start();
      return awaitRecords(count, start, run + ".passthrough");
    } finally {
      // leaving the group, as the streams app does on close, so that the group can be deleted at once
      streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
    }
  }

  /**
   * The streams app's configuration as the environment sets it (e.g. {@code LODESTONE_COMPRESSION_TYPE}), with
   * this run's topics, application id and state.
   */
  private StreamsAppConfig appConfig(String applicationId) throws IOException {
    Map<String, Object> config = new HashMap<>(common);
    config.put(StreamsAppConfig.APPLICATION_ID, applicationId);
    Path stateDir = Files.createTempDirectory(applicationId);
    stateDirs.add(stateDir);
    config.put(StreamsAppConfig.STATE_DIR, stateDir.toString());
    return StreamsAppConfig.fromEnvironment(config);
  }

  /**
   * Times from {@code start} until the topics hold a tenth of {@code count} and all {@code count} committed
   * records. The counter reads the topics' partitions directly, without a consumer group, so that it sees
   * records from the first commit on instead of after a group join.
   */
  private Output awaitRecords(int count, long start, String... topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    long seen = 0;
    long tenth = -1;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = Stream.of(topics).flatMap(topic -> partitions(consumer, topic).stream()).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = start + TIMEOUT.toNanos();
      while (seen < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + seen + " of " + count + " records within " + TIMEOUT);
        }
        seen += consumer.poll(Duration.ofMillis(100)).count();
        if (tenth < 0 && seen >= count / STEADY_FROM) {
          tenth = System.nanoTime();
        }
      }
    }
    return new Output(count, (tenth - start) / 1e9, (System.nanoTime() - start) / 1e9);
  }

  /** The topic's partitions; the apps create their topics before they start, so a missing one is a failure. */
  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " does not exist, so its output cannot be counted");
    }
    return partitions;
  }
}
