package io.lodestone.sink;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.config.ConfigSources;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Every option of the Elasticsearch sink, with its default and meaning. */
public final class SinkConfig extends AbstractConfig {
  public static final String ELASTICSEARCH_URLS = "elasticsearch.urls";
  public static final String ELASTICSEARCH_USERNAME = "elasticsearch.username";
  public static final String ELASTICSEARCH_PASSWORD = "elasticsearch.password";
  public static final String ELASTICSEARCH_PASSWORD_FILE = "elasticsearch.password.file";
  public static final String ELASTICSEARCH_API_KEY = "elasticsearch.api.key";
  public static final String ELASTICSEARCH_API_KEY_FILE = "elasticsearch.api.key.file";
  public static final String ELASTICSEARCH_CA_FILE = "elasticsearch.ca.file";
  public static final String ELASTICSEARCH_COMPRESSION = "elasticsearch.compression";
  public static final String ELASTICSEARCH_CONNECT_TIMEOUT_MS = "elasticsearch.connect.timeout.ms";
  public static final String ELASTICSEARCH_SOCKET_TIMEOUT_MS = "elasticsearch.socket.timeout.ms";
  public static final String INDEX_PREFIX = "index.prefix";
  public static final String INDEX_ALIAS = "index.alias";
  public static final String INDEX_REPLICAS = "index.replicas";
  public static final String INDEX_TEXT_ANALYZER = "index.text.analyzer";
  public static final String GROUP_ID = "group.id";
  public static final String BULK_MAX_ACTIONS = "bulk.max.actions";
  public static final String BULK_MAX_BYTES = "bulk.max.bytes";
  public static final String BULK_FLUSH_INTERVAL_MS = "bulk.flush.interval.ms";
  public static final String BULK_MAX_IN_FLIGHT = "bulk.max.in.flight";
  public static final String POLL_TIMEOUT_MS = "poll.timeout.ms";
  public static final String RETRY_BACKOFF_INITIAL_MS = "retry.backoff.initial.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
  public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";
  public static final String STATUS_DIR = "status.dir";

  public static final ConfigDef CONFIG = CommonOptions.define(new ConfigDef())
      .define(ELASTICSEARCH_URLS, Type.LIST, "http://127.0.0.1:9200", Importance.HIGH,
          "Elasticsearch node URLs, comma-separated (http:// or https://); requests are spread over them and a node "
              + "that fails is skipped until it answers again.")
      .define(ELASTICSEARCH_USERNAME, Type.STRING, "", Importance.MEDIUM,
          "User for HTTP basic authentication; empty for none.")
      .define(ELASTICSEARCH_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
          "Password for basic authentication. Prefer " + ELASTICSEARCH_PASSWORD_FILE + " or the environment; never logged.")
      .define(ELASTICSEARCH_PASSWORD_FILE, Type.STRING, "", Importance.MEDIUM,
          "File holding the basic-authentication password (trailing newline ignored); overrides "
              + ELASTICSEARCH_PASSWORD + ".")
      .define(ELASTICSEARCH_API_KEY, Type.PASSWORD, null, Importance.MEDIUM,
          "Encoded API key (the base64 'encoded' value Elasticsearch returns); sent as 'Authorization: ApiKey ...' "
              + "instead of basic authentication. Never logged.")
      .define(ELASTICSEARCH_API_KEY_FILE, Type.STRING, "", Importance.MEDIUM,
          "File holding the encoded API key; overrides " + ELASTICSEARCH_API_KEY + ".")
      .define(ELASTICSEARCH_CA_FILE, Type.STRING, "", Importance.MEDIUM,
          "PEM file of the CA certificate that signed the cluster's HTTP certificate (e.g. config/certs/http_ca.crt) "
              + "for https:// URLs; empty to use the JVM's trust store.")
      .define(ELASTICSEARCH_COMPRESSION, Type.BOOLEAN, false, Importance.LOW,
          "Gzip request bodies and accept gzip responses: less network, more CPU; worth it for a remote cluster.")
      .define(ELASTICSEARCH_CONNECT_TIMEOUT_MS, Type.INT, 5_000, Range.atLeast(1), Importance.LOW,
          "Longest wait for a connection to a node.")
      .define(ELASTICSEARCH_SOCKET_TIMEOUT_MS, Type.INT, 60_000, Range.atLeast(1), Importance.LOW,
          "Longest wait for the answer to a request; a request that times out is retried.")
      .define(INDEX_PREFIX, Type.STRING, "lodestone-reports", Importance.MEDIUM,
          "Prefix of the monthly indices: <prefix>-YYYY.MM by published date; also the index template's name.")
      .define(INDEX_ALIAS, Type.STRING, "lodestone-reports", Importance.MEDIUM,
          "Read alias over all monthly indices; dashboards and search use it.")
      .define(INDEX_REPLICAS, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
          "number_of_replicas of the indices: 0 on a single node, at least 1 on a real cluster.")
      .define(INDEX_TEXT_ANALYZER, Type.STRING, "standard", new ConfigDef.NonEmptyString(), Importance.LOW,
          "Analyzer type of the text fields (title, body, summary). 'standard' works everywhere, including the "
              + "minimal distribution; a full cluster may use a language analyzer such as 'english'. Applies to "
              + "indices created after the change (next month's, or after a reindex).")
      .define(GROUP_ID, Type.STRING, "lodestone-sink", Importance.MEDIUM,
          "Kafka consumer group of the sink.")
      .define(BULK_MAX_ACTIONS, Type.INT, 1000, Range.atLeast(1), Importance.MEDIUM,
          "Most documents per _bulk request (also the consumer's max.poll.records).")
      .define(BULK_MAX_BYTES, Type.LONG, 5L * 1024 * 1024, Range.atLeast(1024), Importance.MEDIUM,
          "Most bytes of document sources per _bulk request; a single larger document is sent alone.")
      .define(BULK_FLUSH_INTERVAL_MS, Type.LONG, 1_000L, Range.atLeast(1), Importance.MEDIUM,
          "Longest time a document waits for its _bulk request to fill up while records keep coming and earlier "
              + "requests are in flight; when no request is in flight or the consumer has caught up (a poll returns "
              + "nothing), the request is sent at once.")
      .define(BULK_MAX_IN_FLIGHT, Type.INT, 2, Range.between(1, 16), Importance.MEDIUM,
          "Most _bulk requests sent or being retried at once; when all are busy, consumption pauses (backpressure).")
      .define(POLL_TIMEOUT_MS, Type.LONG, 500L, Range.atLeast(1), Importance.LOW,
          "Longest wait for records in one poll.")
      .define(RETRY_BACKOFF_INITIAL_MS, Type.LONG, 100L, Range.atLeast(1), Importance.LOW,
          "First wait before retrying a request Elasticsearch could not take (connection failure, 429, 5xx); "
              + "doubled after each failure, with random jitter.")
      .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, Range.atLeast(100), Importance.LOW,
          "Cap of the wait between retries. Retries go on until Elasticsearch answers: an outage delays reports, "
              + "it never drops them.")
      .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
          "On stop, longest wait for requests in flight; what is not acknowledged by then is not committed and "
              + "is indexed again at the next start.")
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
