package io.lodestone.sink;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.config.ConfigSources;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Every option of the Elasticsearch sink, with its default and meaning. */
public final class SinkConfig extends AbstractConfig {
  public static final String ELASTICSEARCH_URLS = "elasticsearch.urls";
  public static final String INDEX_PREFIX = "index.prefix";
  public static final String INDEX_ALIAS = "index.alias";
  public static final String INDEX_REPLICAS = "index.replicas";
  public static final String GROUP_ID = "group.id";
  public static final String BULK_MAX_ACTIONS = "bulk.max.actions";
  public static final String POLL_TIMEOUT_MS = "poll.timeout.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
  public static final String STATUS_DIR = "status.dir";

  public static final ConfigDef CONFIG = CommonOptions.define(new ConfigDef())
      .define(ELASTICSEARCH_URLS, Type.LIST, "http://127.0.0.1:9200", Importance.HIGH,
          "Elasticsearch node URLs, comma-separated.")
      .define(INDEX_PREFIX, Type.STRING, "lodestone-reports", Importance.MEDIUM,
          "Prefix of the monthly indices: <prefix>-YYYY.MM by published date.")
      .define(INDEX_ALIAS, Type.STRING, "lodestone-reports", Importance.MEDIUM,
          "Read alias over all monthly indices; dashboards and search use it.")
      .define(INDEX_REPLICAS, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
          "number_of_replicas of the indices: 0 on a single node, at least 1 on a real cluster.")
      .define(GROUP_ID, Type.STRING, "lodestone-sink", Importance.MEDIUM,
          "Kafka consumer group of the sink.")
      .define(BULK_MAX_ACTIONS, Type.INT, 500, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "Most documents per _bulk request (also the consumer's max.poll.records).")
      .define(POLL_TIMEOUT_MS, Type.LONG, 500L, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Longest wait for records in one poll.")
      .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
          "Longest wait between retries while Elasticsearch is unreachable or overloaded (429, 5xx); retries go on until it answers.")
      .define(STATUS_DIR, Type.STRING, "", Importance.LOW,
          "Directory for the app's heartbeat file read by ./lodestone status; empty for none.");

  public SinkConfig(Map<?, ?> originals) {
    super(CONFIG, originals, false);
  }

  /** Defaults, then LODESTONE_* environment variables, then the overrides. */
  public static SinkConfig fromEnvironment(Map<String, ?> overrides) {
    return new SinkConfig(ConfigSources.fromEnvironment(CONFIG, overrides));
  }
}
