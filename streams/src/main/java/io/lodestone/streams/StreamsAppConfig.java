package io.lodestone.streams;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.config.ConfigSources;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Every option of the streams app, with its default and meaning. */
public final class StreamsAppConfig extends AbstractConfig {
  public static final String APPLICATION_ID = "application.id";
  public static final String STATE_DIR = "state.dir";
  public static final String NUM_STANDBY_REPLICAS = "num.standby.replicas";
  public static final String NUM_STREAM_THREADS = "num.stream.threads";
  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  public static final String GROUP_PROTOCOL = "group.protocol";
  public static final String STATUS_DIR = "status.dir";
  public static final String DEDUP_RETENTION_MS = "dedup.retention.ms";
  public static final String DEDUP_SIMILARITY_THRESHOLD = "dedup.similarity.threshold";
  public static final String DEDUP_SHINGLE_SIZE = "dedup.shingle.size";
  public static final String DEDUP_SIGNATURE_BINS = "dedup.signature.bins";
  public static final String DEDUP_LSH_BANDS = "dedup.lsh.bands";
  public static final String DEDUP_LSH_ROWS = "dedup.lsh.rows";
  public static final String DEDUP_STORE = "dedup.store";
  public static final String DEDUP_MAX_REPORTS = "dedup.max.reports";
  /** Share of the maximum heap that {@code dedup.max.reports} 0 gives the dedup index, in percent. */
  public static final int DEDUP_HEAP_PERCENT = 60;
  /**
   * Heap per remembered report that {@code dedup.max.reports} 0 counts, with room to spare: {@code DedupStateFootprint}
   * measured 1,320 bytes in the pipeline with 40,000 reports, and the running app 850 with 743,359 and 640 with
   * 1,298,816 (streams/README.md). The room goes to the rebuild, which holds the newest reports' band keys before the
   * index takes them, and to the garbage collector.
   */
  public static final int DEDUP_HEAP_BYTES_PER_REPORT = 1_300;
  public static final String STORE_ROCKSDB = "rocksdb";
  public static final String STORE_IN_MEMORY = "in-memory";
  public static final String TAXONOMY_FILE = "taxonomy.file";

  public static final ConfigDef CONFIG = CommonOptions.defineCompression(CommonOptions.define(new ConfigDef()),
          "Compression of what the app writes (repartition, changelog and output topics): Kafka producer compression.type.")
      .define(APPLICATION_ID, Type.STRING, "lodestone-streams", Importance.HIGH,
          "Kafka Streams application.id: consumer group, prefix of internal topics and state.")
      .define(STATE_DIR, Type.STRING, System.getProperty("java.io.tmpdir") + "/lodestone-streams", Importance.MEDIUM,
          "Directory of the RocksDB state stores.")
      .define(NUM_STANDBY_REPLICAS, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
          "Standby replicas of each state store on other instances, for fast fail-over.")
      .define(NUM_STREAM_THREADS, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "Stream threads of this instance.")
      .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(1), Importance.LOW,
          "How often transactions commit under exactly_once_v2; lower means lower latency, higher more throughput.")
      .define(GROUP_PROTOCOL, Type.STRING, "classic", ConfigDef.ValidString.in("classic", "streams"), Importance.LOW,
          "Rebalance protocol: classic, or the broker-side streams protocol (KIP-1071).")
      .define(STATUS_DIR, Type.STRING, "", Importance.LOW,
          "Directory for the app's heartbeat file read by ./lodestone status; empty for none.")
      .define(DEDUP_RETENTION_MS, Type.LONG, Duration.ofDays(30).toMillis(), ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "How long (in record time) a report is remembered for deduplication; bounds the dedup state. A story is "
              + "remembered as long as its latest copy.")
      .define(DEDUP_SIMILARITY_THRESHOLD, Type.DOUBLE, 0.8, ConfigDef.Range.between(0.0, 1.0), Importance.MEDIUM,
          "Estimated Jaccard similarity of word shingles at or above which a report is a near-duplicate.")
      .define(DEDUP_SHINGLE_SIZE, Type.INT, 5, ConfigDef.Range.between(1, 20), Importance.LOW,
          "Words per shingle for near-duplicate detection.")
      .define(DEDUP_SIGNATURE_BINS, Type.INT, 512, ConfigDef.Range.between(16, 4096), Importance.LOW,
          "Bins of the one-permutation MinHash signature (2 bytes each in the state store); more bins, less estimation error.")
      .define(DEDUP_LSH_BANDS, Type.INT, 20, ConfigDef.Range.atLeast(1), Importance.LOW,
          "LSH bands: a pair becomes a candidate when any band agrees (probability 1-(1-J^rows)^bands).")
      .define(DEDUP_LSH_ROWS, Type.INT, 6, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Signature bins per LSH band; bands x rows must not exceed dedup.signature.bins.")
      .define(DEDUP_MAX_REPORTS, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
          "Most reports the dedup index keeps in the Java heap. When more arrive within dedup.retention.ms, the oldest are "
              + "forgotten early (logged, and counted by the forgotten-early metric), so that the app never runs out of heap. "
              + "0 sizes it to the heap: " + DEDUP_HEAP_PERCENT + "% of the maximum heap at "
              + DEDUP_HEAP_BYTES_PER_REPORT + " bytes per report, about 740,000 reports for 1,536 MB.")
      .define(TAXONOMY_FILE, Type.STRING, "", Importance.MEDIUM,
          "Theme taxonomy (YAML) to classify with; empty uses the one bundled in the jar. Analysts edit a copy and "
              + "restart the streams app (or run ./lodestone process) to apply it, without a rebuild.")
      .define(DEDUP_STORE, Type.STRING, STORE_ROCKSDB, ConfigDef.ValidString.in(STORE_ROCKSDB, STORE_IN_MEMORY), Importance.LOW,
          "Dedup state stores: rocksdb (persistent, for the app) or in-memory (offline runs, which commit after every "
              + "record and would flush RocksDB each time); both are changelogged.");

  public StreamsAppConfig(Map<?, ?> originals) {
    super(CONFIG, originals, false);
  }

  /** Defaults, then LODESTONE_* environment variables, then the overrides. */
  public static StreamsAppConfig fromEnvironment(Map<String, ?> overrides) {
    return new StreamsAppConfig(ConfigSources.fromEnvironment(CONFIG, overrides));
  }
}
