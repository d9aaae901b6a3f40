package io.lodestone.producers;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Every option of the producers (file import, feed poller, HTTP ingest API), with its default and meaning. */
public final class IngestConfig extends AbstractConfig {
  public static final String VALUE_SERIALIZER = "value.serializer";
  public static final String MAX_REPORT_BYTES = "max.report.bytes";
  public static final String LINGER_MS = "linger.ms";
  public static final String BATCH_SIZE = "batch.size";
  public static final String COMPRESSION_TYPE = CommonOptions.COMPRESSION_TYPE;
  public static final String CLIENT_ID = "client.id";
  public static final String STATUS_DIR = "status.dir";

  public static final String FEEDS_FILE = "feeds.file";
  public static final String FEEDS_STATE_TOPIC = "feeds.state.topic";
  public static final String FEEDS_USER_AGENT = "feeds.user.agent";
  public static final String FEEDS_CONNECT_TIMEOUT_MS = "feeds.connect.timeout.ms";
  public static final String FEEDS_REQUEST_TIMEOUT_MS = "feeds.request.timeout.ms";
  public static final String FEEDS_MAX_RESPONSE_BYTES = "feeds.max.response.bytes";
  public static final String FEEDS_MAX_REDIRECTS = "feeds.max.redirects";
  public static final String FEEDS_HOST_MIN_INTERVAL_MS = "feeds.host.min.interval.ms";
  public static final String FEEDS_BACKOFF_INITIAL_MS = "feeds.backoff.initial.ms";
  public static final String FEEDS_BACKOFF_MAX_MS = "feeds.backoff.max.ms";
  public static final String FEEDS_ALLOW_PRIVATE_ADDRESSES = "feeds.allow.private.addresses";
  public static final String FEEDS_SEEN_IDS_MAX = "feeds.seen.ids.max";
  public static final String FEEDS_THREADS = "feeds.threads";
  public static final String FEEDS_RELOAD_INTERVAL_MS = "feeds.reload.interval.ms";

  public static final String API_HOST = "api.host";
  public static final String API_PORT = "api.port";
  public static final String API_TOKEN = "api.token";
  public static final String API_MAX_BODY_BYTES = "api.max.body.bytes";
  public static final String API_MAX_BATCH = "api.max.batch";
  public static final String API_PUBLISH_TIMEOUT_MS = "api.publish.timeout.ms";
  public static final String API_RETRY_AFTER_SECONDS = "api.retry.after.seconds";
  public static final String API_HEALTH_INTERVAL_MS = "api.health.interval.ms";

  public static final ConfigDef CONFIG = CommonOptions.defineCompression(CommonOptions.define(new ConfigDef()), "Kafka producer compression.type.")
      .define(VALUE_SERIALIZER, Type.CLASS, "io.lodestone.schemas.serde.AvroSerializer", Importance.LOW,
          "Serializer of NewsReport values; io.confluent.kafka.serializers.KafkaAvroSerializer works too when on the class path.")
      .define(MAX_REPORT_BYTES, Type.INT, 900_000, Range.atLeast(1024), Importance.MEDIUM,
          "Largest report (title, body and summary, UTF-8 bytes) accepted; larger ones are rejected with a reason. Keep it under the topic's max.message.bytes.")
      .define(LINGER_MS, Type.INT, 5, Range.atLeast(0), Importance.LOW,
          "Kafka producer linger.ms: how long to wait to fill a batch (also the latency an HTTP client waits at least).")
      .define(BATCH_SIZE, Type.INT, 256 * 1024, Range.atLeast(1024), Importance.LOW,
          "Kafka producer batch.size in bytes.")
      .define(CLIENT_ID, Type.STRING, "lodestone-ingest", Importance.LOW, "Kafka client.id of the producer.")
      .define(STATUS_DIR, Type.STRING, "", Importance.LOW,
          "Directory for the app's heartbeat file read by ./lodestone status; empty for none.")

      .define(FEEDS_FILE, Type.STRING, "deploy/feeds.yaml", Importance.HIGH,
          "YAML file listing the feeds to poll (url, source, poll_interval, language, fetch_full_article); re-read when it changes.")
      .define(FEEDS_STATE_TOPIC, Type.STRING, "lodestone.feeds.state", Importance.MEDIUM,
          "Compacted topic keeping each feed's state (seen item ids, ETag, Last-Modified), keyed by feed URL, so that a restart publishes nothing twice.")
      .define(FEEDS_USER_AGENT, Type.STRING, "Lodestone/0.1 (supply-chain news monitor; feed reader)", Importance.MEDIUM,
          "User-Agent of every feed and article request; name your deployment and a contact.")
      .define(FEEDS_CONNECT_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
          "Longest wait for a TCP connection to a feed or article host.")
      .define(FEEDS_REQUEST_TIMEOUT_MS, Type.INT, 30_000, Range.atLeast(1), Importance.LOW,
          "Longest wait for a whole answer (headers and body) to one request; slower servers count as failing.")
      .define(FEEDS_MAX_RESPONSE_BYTES, Type.INT, 10 * 1024 * 1024, Range.atLeast(1024), Importance.LOW,
          "Largest feed or article accepted, in bytes after decompression; larger answers are abandoned and count as an error.")
      .define(FEEDS_MAX_REDIRECTS, Type.INT, 5, Range.between(0, 20), Importance.LOW,
          "Most redirects followed for one request; each hop is checked against the address policy.")
      .define(FEEDS_HOST_MIN_INTERVAL_MS, Type.LONG, 2_000L, Range.atLeast(0), Importance.MEDIUM,
          "Politeness: least time between the end of one request and the start of the next to the same host (requests to one host never overlap).")
      .define(FEEDS_BACKOFF_INITIAL_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW,
          "Wait before retrying a feed after its first failure; doubles with each further failure (with jitter).")
      .define(FEEDS_BACKOFF_MAX_MS, Type.LONG, 6 * 3600_000L, Range.atLeast(1), Importance.LOW,
          "Longest wait between retries of a failing feed.")
      .define(FEEDS_ALLOW_PRIVATE_ADDRESSES, Type.BOOLEAN, false, Importance.MEDIUM,
          "Whether feeds and articles may be fetched from loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local or other non-public addresses. Off: such URLs are refused.")
      .define(FEEDS_SEEN_IDS_MAX, Type.INT, 5_000, Range.atLeast(10), Importance.LOW,
          "Most item ids remembered per feed (the newest are kept); must exceed the number of items a feed lists.")
      .define(FEEDS_THREADS, Type.INT, 4, Range.atLeast(1), Importance.LOW,
          "Feeds polled at the same time (requests to one host are still serialized).")
      .define(FEEDS_RELOAD_INTERVAL_MS, Type.LONG, 10_000L, Range.atLeast(100), Importance.LOW,
          "How often the feeds file is checked for changes.")

      .define(API_HOST, Type.STRING, "127.0.0.1", Importance.HIGH,
          "Address the HTTP ingest API listens on; 0.0.0.0 for every interface.")
      .define(API_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.HIGH,
          "Port of the HTTP ingest API (0: any free port).")
      .define(API_TOKEN, Type.PASSWORD, "", Importance.HIGH,
          "Bearer token clients must send (Authorization: Bearer TOKEN). ./lodestone up and ./lodestone api create one in LODESTONE_HOME/api.token when unset.")
      .define(API_MAX_BODY_BYTES, Type.INT, 8 * 1024 * 1024, Range.atLeast(1024), Importance.MEDIUM,
          "Largest request body accepted; larger requests get 413.")
      .define(API_MAX_BATCH, Type.INT, 1_000, Range.atLeast(1), Importance.MEDIUM,
          "Most reports in one POST /v1/reports.")
      .define(API_PUBLISH_TIMEOUT_MS, Type.INT, 30_000, Range.atLeast(100), Importance.LOW,
          "Longest wait for Kafka to acknowledge a request's reports before answering 503.")
      .define(API_RETRY_AFTER_SECONDS, Type.INT, 10, Range.atLeast(1), Importance.LOW,
          "Retry-After sent with 503 answers.")
      .define(API_HEALTH_INTERVAL_MS, Type.LONG, 5_000L, Range.atLeast(100), Importance.LOW,
          "How often the API checks that Kafka and the schema registry answer (GET /health and early 503s use the result).");

  public IngestConfig(Map<?, ?> originals) {
    super(CONFIG, originals, false);
  }

  /** Defaults, then LODESTONE_* environment variables, then the overrides. */
  public static IngestConfig fromEnvironment(Map<String, ?> overrides) {
    return new IngestConfig(ConfigSources.fromEnvironment(CONFIG, overrides));
  }

  /** The status directory, or null when the app reports no status. */
  public Path statusDir() {
    String dir = getString(STATUS_DIR);
    return dir.isBlank() ? null : Path.of(dir);
  }
}
