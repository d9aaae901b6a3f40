package io.lodestone.streams.offline;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.LodestoneTopology;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.TopologySerdes;
import io.lodestone.streams.app.StreamsApp;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.deadletter.DeadLetters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The streams app's topology without a broker: Kafka Streams' TopologyTestDriver runs the very same
 * topology (repartition, RocksDB state stores, exception handlers) synchronously, one input at a time,
 * so that backfills, taxonomy evaluations and quality measurements see exactly what the app would do.
 * The driver commits after every record, so the dedup stores are in-memory unless the config says
 * otherwise (RocksDB would flush its memtable to disk on each commit).
 * Record time is the report's fetch time, as for a producer (for the Reuters corpus, the story's date,
 * so that dedup retention follows the corpus's own timeline).
 */
public final class OfflineTopology implements AutoCloseable {
  private final TopologyTestDriver driver;
  private final Path stateDir;
  private final boolean ownStateDir;
  private final TestInputTopic<String, NewsReport> raw;
  private final TestInputTopic<byte[], byte[]> rawBytes;
  private final TestOutputTopic<String, EnrichedReport> enriched;
  private final TestOutputTopic<String, DuplicateNotice> duplicates;
  private final TestOutputTopic<byte[], DeadLetter> deadLetters;
  private final String deadLetterTopic;
  private final EnrichmentStages stages;

  /** The topology with registry-free serdes and a temporary state directory. */
  public OfflineTopology(StreamsAppConfig config) {
    this(config, TopologySerdes.embedded(), null);
  }

  /** The topology with the given serdes and state directory (a temporary one when null). */
  public OfflineTopology(StreamsAppConfig config, TopologySerdes serdes, Path stateDir) {
    try {
      this.ownStateDir = stateDir == null;
      this.stateDir = ownStateDir ? Files.createTempDirectory("lodestone-offline") : stateDir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a state directory for offline processing", e);
    }
    Map<String, Object> overrides = new HashMap<>(config.originals());
    overrides.put(StreamsAppConfig.STATE_DIR, this.stateDir.toString());
    overrides.putIfAbsent(StreamsAppConfig.DEDUP_STORE, StreamsAppConfig.STORE_IN_MEMORY);
    StreamsAppConfig offline = new StreamsAppConfig(overrides);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, offline.getString(StreamsAppConfig.APPLICATION_ID));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
    props.putAll(StreamsApp.deadLetterProperties(offline));
    props.put(DeadLetters.SERIALIZER, serdes.deadLetter().serializer());
    ThemeClassifier classifier = ThemeClassifier.fromFile(offline.getString(StreamsAppConfig.TAXONOMY_FILE));
    this.driver = new TopologyTestDriver(LodestoneTopology.buildTopology(offline, serdes, classifier), props);
    this.stages = new EnrichmentStages(classifier);
    this.raw = driver.createInputTopic(offline.getString(CommonOptions.TOPIC_RAW), new StringSerializer(),
        serdes.newsReport().serializer());
    this.rawBytes = driver.createInputTopic(offline.getString(CommonOptions.TOPIC_RAW), new ByteArraySerializer(),
        new ByteArraySerializer());
    this.enriched = driver.createOutputTopic(offline.getString(CommonOptions.TOPIC_ENRICHED), new StringDeserializer(),
        serdes.enrichedReport().deserializer());
    this.duplicates = driver.createOutputTopic(offline.getString(CommonOptions.TOPIC_DUPLICATES), new StringDeserializer(),
        serdes.duplicateNotice().deserializer());
    this.deadLetterTopic = offline.getString(CommonOptions.TOPIC_DEAD_LETTER);
    this.deadLetters = driver.createOutputTopic(deadLetterTopic,
        Serdes.ByteArray().deserializer(), serdes.deadLetter().deserializer());
  }

  /** Processes one report at its fetch time, the time a producer would have published it at. */
  public OfflineResult process(NewsReport report) {
    return process(report, report.getFetchedAt());
  }

  public OfflineResult process(NewsReport report, Instant recordTime) {
    raw.pipeInput(new TestRecord<>(report.getId(), report, recordTime));
    OfflineResult result = collect(report.getId(), report.getUrl());
    // The topology enriches a story once, in its canonical report. Offline output is joined with labels per story,
    // so a copy gets its own themes and entities here, from the same stages outside the topology.
    return result.isDuplicate() ? new OfflineResult(result.reportId(), result.url(), null, result.duplicate(), null,
        stages.enrich(report)) : result;
  }

  /** Processes a raw record as bytes (for records that may not even be a NewsReport). */
  public OfflineResult processBytes(byte[] key, byte[] value, Instant recordTime) {
    rawBytes.pipeInput(new TestRecord<>(key, value, recordTime));
    return collect(key == null ? null : new String(key, java.nio.charset.StandardCharsets.UTF_8), null);
  }

  private OfflineResult collect(String id, String url) {
    EnrichedReport report = enriched.isEmpty() ? null : enriched.readValue();
    DuplicateNotice notice = duplicates.isEmpty() ? null : duplicates.readValue();
    // the driver warns when asked about a topic nothing was sent to yet
    boolean anyDeadLetter = driver.producedTopicNames().contains(deadLetterTopic) && !deadLetters.isEmpty();
    DeadLetter letter = anyDeadLetter ? deadLetters.readValue() : null;
    return new OfflineResult(id, url, report, notice, letter, report == null ? null : Enrichment.of(report));
  }

  @Override
  public void close() {
    driver.close();
    if (ownStateDir) {
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }
}
