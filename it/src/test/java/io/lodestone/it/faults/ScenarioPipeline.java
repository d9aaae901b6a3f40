package io.lodestone.it.faults;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.lodestone.bench.workload.ReportGenerator;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.config.ConfigSources;
import io.lodestone.core.kafka.TopicScan;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroDeserializer;
import io.lodestone.sink.SinkConfig;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.sink.es.IndexReadiness;
import io.lodestone.stack.AppProcess;
import io.lodestone.stack.ServerProcess;
import io.lodestone.stack.StackLayout;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.testkit.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fault scenario's pipeline on real servers: its own topics, consumer groups and index, the streams
 * and sink apps as separate processes (run from the lodestone jar, so that they can be killed), a
 * publisher, and the final accounting of every report id.
 */
final class ScenarioPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioPipeline.class);
  private static final Path JAR = Path.of(System.getProperty("lodestone.repo", ".."), "cli/target/lodestone.jar");

  private final String name;
  private final Supplier<String> bootstrap;
  private final String registryUrl;
  private final String elasticsearchUrl;
  private final Path home;
  private final Map<String, String> extraEnv = new HashMap<>();
  private final List<AppProcess> apps = new ArrayList<>();

  ScenarioPipeline(String name, Supplier<String> bootstrap, String registryUrl, String elasticsearchUrl) {
    this.name = name;
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
    this.elasticsearchUrl = elasticsearchUrl;
    this.home = Path.of("target", "scenarios", name).toAbsolutePath();
    deleteEarlierRun(home);
  }

  /** A scenario on the test stack's servers (asking the stack for the broker's address each time: a restart may move it). */
  static ScenarioPipeline on(TestStack stack, String name) {
    return new ScenarioPipeline(name, stack::bootstrapServers, stack.registryUrl(), stack.elasticsearchUrl());
  }

  /**
   * A scenario's broker is new on every run, so state stores left by an earlier run would describe
   * records that no longer exist (and make dedup drop the new ones as already processed).
   */
  private static void deleteEarlierRun(Path home) {
    try {
      Utils.delete(home.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + home, e);
    }
  }

  String index() {
    return name + "-reports";
  }

  String topic(String key) {
    return name + "." + key;
  }

  /** Adds an option (key as in the apps' ConfigDefs) to every app started from now on. */
  ScenarioPipeline with(String key, String value) {
    extraEnv.put(ConfigSources.envName(key), value);
    return this;
  }

  /** Options shared by the publisher and the apps. */
  Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonOptions.BOOTSTRAP_SERVERS, bootstrap.get());
    config.put(CommonOptions.SCHEMA_REGISTRY_URL, registryUrl);
    config.put(CommonOptions.TOPIC_RAW, topic("raw"));
    config.put(CommonOptions.TOPIC_ENRICHED, topic("enriched"));
    config.put(CommonOptions.TOPIC_DUPLICATES, topic("duplicates"));
    config.put(CommonOptions.TOPIC_DEAD_LETTER, topic("deadletter"));
    config.put(CommonOptions.TOPIC_ALERTS, topic("alerts"));
    config.put(StreamsAppConfig.APPLICATION_ID, name + "-streams");
    config.put(SinkConfig.GROUP_ID, name + "-sink");
    config.put(SinkConfig.ELASTICSEARCH_URLS, elasticsearchUrl);
    config.put(SinkConfig.INDEX_PREFIX, index());
    config.put(SinkConfig.INDEX_ALIAS, index());
    return config;
  }

  /** The usual pipeline of a scenario: one streams app and one sink. */
  void startStreamsAndSink() {
    start("streams", "streams");
    start("sink", "sink");
  }

  /** {@code count} generated reports whose ids and URLs carry the scenario's name. */
  List<NewsReport> reports(int count) {
    return reports(name, count);
  }

  /** Starts an app ("streams" or "sink") as a process; {@code instance} names its own data and logs. */
  AppProcess start(String app, String instance) {
    StackLayout layout = new StackLayout(home.resolve(instance));
    Map<String, String> env = new HashMap<>();
    config().forEach((key, value) -> env.put(ConfigSources.envName(key), value.toString()));
    env.put(ConfigSources.envName(StreamsAppConfig.STATUS_DIR), layout.run().toString());
    env.put(ConfigSources.envName(StreamsAppConfig.STATE_DIR), layout.data("streams").toString());
    env.putAll(extraEnv);
    AppProcess process = new AppProcess(app, layout, JAR, List.of(app), -1, "384m", env);
    process.start(false);
    process.awaitReady(Duration.ofMinutes(2));
    apps.add(process);
    LOG.info("scenario {}: {} ({}) running, pid {}", name, app, instance, process.handle().map(ProcessHandle::pid).orElse(-1L));
    return process;
  }

  /** Generated reports with distinct text (no duplicates), as NewsReport events. */
  static List<NewsReport> reports(String runId, int count) {
    ReportGenerator generator = new ReportGenerator(ReportGenerator.Settings.defaults(runId));
    JsonReportParser parser = new JsonReportParser(1_000_000);
    List<NewsReport> reports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      reports.add(parser.parse(generator.next().json(), IngestChannel.FILE, Instant.now()).report());
    }
    return reports;
  }

  /**
   * Publishes the reports spread evenly over {@code duration} (so that a fault can land mid-run) and
   * waits for every acknowledgement; runs {@code midway} once half are sent.
   */
  Set<String> publish(List<NewsReport> reports, Duration duration, Runnable midway) {
    Set<String> ids = new LinkedHashSet<>();
    long pause = duration.toMillis() / Math.max(1, reports.size());
    try (ReportPublisher publisher = new ReportPublisher(new IngestConfig(config()))) {
      List<CompletableFuture<?>> acks = new ArrayList<>();
      for (int i = 0; i < reports.size(); i++) {
        if (i == reports.size() / 2) {
          midway.run();
        }
        acks.add(publisher.publish(reports.get(i)));
        ids.add(reports.get(i).getId());
        sleep(pause);
      }
      publisher.flush();
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    }
    return ids;
  }

  /** Where each report id ended up: documents per id in the index, and ids in the dead-letter topic. */
  record Outcome(Map<String, Integer> searchable, Map<String, String> deadLettered) {
    List<String> missing(Set<String> ids) {
      return ids.stream().filter(id -> !searchable.containsKey(id) && !deadLettered.containsKey(id)).toList();
    }

    List<String> duplicated() {
      return searchable.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    List<String> both() {
      return searchable.keySet().stream().filter(deadLettered::containsKey).toList();
    }
  }

  /** Waits until every id is searchable or dead-lettered (or the timeout passes), then reports where each is. */
  Outcome awaitSettled(Set<String> ids, Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    Outcome outcome = outcome();
    while (!outcome.missing(ids).isEmpty() && Instant.now().isBefore(deadline)) {
      sleep(2000);
      outcome = outcome();
    }
    LOG.info("scenario {}: {} searchable, {} dead-lettered, {} missing of {}", name, outcome.searchable().size(),
        outcome.deadLettered().size(), outcome.missing(ids).size(), ids.size());
    return outcome;
  }

  Outcome outcome() throws IOException {
    return new Outcome(searchable(), deadLetters());
  }

  private Map<String, Integer> searchable() throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    ElasticsearchClient es = ElasticsearchClients.create(List.of(elasticsearchUrl));
    try {
      es.indices().refresh(r -> r.index(index()));
      es.search(s -> s.index(index()).size(10_000).source(src -> src.fetch(false)), Void.class)
          .hits().hits().forEach(hit -> counts.merge(hit.id(), 1, Integer::sum));
    } catch (ElasticsearchException e) {
      // no index yet (404), or its shards starting or recovering after a restart (503): the next round asks again
      if (!IndexReadiness.notSearchableYet(e)) {
        throw e;
      }
    } catch (IOException e) {
      LOG.info("scenario {}: Elasticsearch not reachable yet: {}", name, e.getMessage());
    } finally {
      es._transport().close();
    }
    return counts;
  }

  /** Report ids in the dead-letter topic (the record key when the letter names no report), with reasons. */
  Map<String, String> deadLetters() {
    Map<String, String> letters = new HashMap<>();
    AvroDeserializer<DeadLetter> deserializer = new AvroDeserializer<>(new SchemaRegistryClient(registryUrl), DeadLetter.class);
    deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
    for (ConsumerRecord<byte[], byte[]> record : readAll(topic("deadletter"))) {
      DeadLetter letter = deserializer.deserialize(record.topic(), record.value());
      String id = letter.getReportId() != null ? letter.getReportId()
          : record.key() == null ? "(no key)@" + record.offset() : new String(record.key(), StandardCharsets.UTF_8);
      letters.put(id, letter.getStage() + ": " + letter.getErrorClass() + ": " + letter.getErrorMessage());
    }
    return letters;
  }

  /** Every committed record of a topic, from the beginning. */
  List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    TopicScan.scan(bootstrap.get(), topic, records::add);
    return records;
  }

  /** The apps' logs, for a failure message. */
  String logs() {
    StringBuilder out = new StringBuilder();
    for (AppProcess app : apps) {
      for (Path file : List.of(app.logFile(), app.outputFile())) {
        out.append("--- ").append(file).append(" (last 30 lines)\n").append(ServerProcess.tail(file, 30)).append('\n');
      }
    }
    return out.toString();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    apps.forEach(app -> app.stop(Duration.ofSeconds(30)));
  }
}
