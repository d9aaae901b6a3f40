package io.lodestone.core.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Options every Lodestone app shares: where Kafka and the schema registry are, and the topic names.
 * Topic names are a public interface (scripts and subscribers rely on them); override, never rename.
 */
public final class CommonOptions {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String TOPIC_RAW = "topic.raw";
  public static final String TOPIC_ENRICHED = "topic.enriched";
  public static final String TOPIC_DUPLICATES = "topic.duplicates";
  public static final String TOPIC_DEAD_LETTER = "topic.dead-letter";
  public static final String TOPIC_ALERTS = "topic.alerts";
  public static final String TOPIC_PARTITIONS = "topic.partitions";
  public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
  public static final String COMPRESSION_TYPE = "compression.type";

  public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
  public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";
  public static final String DEFAULT_TOPIC_RAW = "lodestone.reports.raw";
  public static final String DEFAULT_TOPIC_ENRICHED = "lodestone.reports.enriched";
  public static final String DEFAULT_TOPIC_DUPLICATES = "lodestone.reports.duplicates";
  public static final String DEFAULT_TOPIC_DEAD_LETTER = "lodestone.deadletter";
  public static final String DEFAULT_TOPIC_ALERTS = "lodestone.alerts";

  private CommonOptions() {}

  /**
   * Adds {@link #COMPRESSION_TYPE}, the compression of what an app's producers write. lz4 by default: it costs
   * little CPU, a 3 KB report takes about a third of the bytes, and the broker handles every byte (figures in
   * streams/README.md).
   */
  public static ConfigDef defineCompression(ConfigDef def, String meaning) {
    return def.define(COMPRESSION_TYPE, Type.STRING, "lz4", ConfigDef.ValidString.in("none", "gzip", "snappy", "lz4", "zstd"),
        Importance.LOW, meaning);
  }

  /** Adds the shared options to an app's definition. */
  public static ConfigDef define(ConfigDef def) {
    return def
        .define(BOOTSTRAP_SERVERS, Type.STRING, DEFAULT_BOOTSTRAP_SERVERS, Importance.HIGH,
            "Kafka bootstrap servers, host:port[,host:port...].")
        .define(SCHEMA_REGISTRY_URL, Type.STRING, DEFAULT_SCHEMA_REGISTRY_URL, Importance.HIGH,
            "Base URL of the Confluent-compatible schema registry API (Apicurio serves it at /apis/ccompat/v7).")
        .define(TOPIC_RAW, Type.STRING, DEFAULT_TOPIC_RAW, Importance.MEDIUM,
            "Topic of raw NewsReport events, keyed by report id.")
        .define(TOPIC_ENRICHED, Type.STRING, DEFAULT_TOPIC_ENRICHED, Importance.MEDIUM,
            "Topic of EnrichedReport events (canonical reports), keyed by report id.")
        .define(TOPIC_DUPLICATES, Type.STRING, DEFAULT_TOPIC_DUPLICATES, Importance.MEDIUM,
            "Topic of DuplicateNotice events, keyed by canonical report id.")
        .define(TOPIC_DEAD_LETTER, Type.STRING, DEFAULT_TOPIC_DEAD_LETTER, Importance.MEDIUM,
            "Topic of DeadLetter events: records a stage could not process, with the reason.")
        .define(TOPIC_ALERTS, Type.STRING, DEFAULT_TOPIC_ALERTS, Importance.MEDIUM,
            "Topic of SupplyChainAlert events for subscribers.")
        .define(TOPIC_PARTITIONS, Type.INT, 3, ConfigDef.Range.atLeast(1), Importance.LOW,
            "Partitions of the topics an app creates when they do not exist yet.")
        .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) -1, Importance.LOW,
            "Replication factor of the topics an app creates; -1 uses the broker's default.");
  }
}
