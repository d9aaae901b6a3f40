package io.lodestone.alerts;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.config.ConfigSources;
import io.lodestone.schemas.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidList;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** Every option of the alerts app (rule and spike topology, webhook dispatcher), with its default and meaning. */
public final class AlertsConfig extends AbstractConfig {
  public static final String APPLICATION_ID = "application.id";
  public static final String STATE_DIR = "state.dir";
  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  public static final String STATUS_DIR = "status.dir";

  public static final String RULES_FILE = "rules.file";
  public static final String RELOAD_INTERVAL_MS = "reload.interval.ms";

  public static final String SPIKE_DIMENSIONS = "spike.dimensions";
  public static final String SPIKE_TIMESTAMP = "spike.timestamp";
  public static final String SPIKE_WINDOW_MS = "spike.window.ms";
  public static final String SPIKE_GRACE_MS = "spike.grace.ms";
  public static final String SPIKE_BASELINE_WINDOWS = "spike.baseline.windows";
  public static final String SPIKE_WARMUP_WINDOWS = "spike.warmup.windows";
  public static final String SPIKE_FACTOR = "spike.factor";
  public static final String SPIKE_MIN_COUNT = "spike.min.count";
  public static final String SPIKE_SEVERITY = "spike.severity";
  public static final String SPIKE_SAMPLE_SIZE = "spike.sample.size";

  public static final String WEBHOOK_SUBSCRIPTIONS_FILE = "webhook.subscriptions.file";
  public static final String WEBHOOK_GROUP_ID = "webhook.group.id";
  public static final String WEBHOOK_MAX_ATTEMPTS = "webhook.max.attempts";
  public static final String WEBHOOK_BACKOFF_INITIAL_MS = "webhook.backoff.initial.ms";
  public static final String WEBHOOK_BACKOFF_MAX_MS = "webhook.backoff.max.ms";
  public static final String WEBHOOK_CONNECT_TIMEOUT_MS = "webhook.connect.timeout.ms";
  public static final String WEBHOOK_REQUEST_TIMEOUT_MS = "webhook.request.timeout.ms";
  public static final String MAX_POLL_RECORDS = "alerts.max.poll.records";

  public static final String ELASTICSEARCH_URLS = "elasticsearch.urls";
  public static final String ALERTS_INDEX = "alerts.index";
  public static final String INDEX_GROUP_ID = "index.group.id";
  public static final String INDEX_REPLICAS = "index.replicas";

  /** How a report's time is chosen for spike windows. */
  public static final String TIMESTAMP_RECEIVED = "received";
  public static final String TIMESTAMP_PUBLISHED = "published";

  public static final ConfigDef CONFIG = CommonOptions.define(new ConfigDef())
      .define(APPLICATION_ID, Type.STRING, "lodestone-alerts", Importance.HIGH,
          "Kafka Streams application.id of the alert topology: consumer group, prefix of internal topics and state.")
      .define(STATE_DIR, Type.STRING, System.getProperty("java.io.tmpdir") + "/lodestone-alerts", Importance.MEDIUM,
          "Directory of the topology's state stores (window counts, suppression buffer).")
      .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, Range.atLeast(1), Importance.LOW,
          "How often transactions commit under exactly_once_v2; alerts become visible to read_committed consumers then.")
      .define(STATUS_DIR, Type.STRING, "", Importance.LOW,
          "Directory for the app's heartbeat file read by ./lodestone status; empty for none.")
      .define(RULES_FILE, Type.STRING, "deploy/alerts/rules.yaml", Importance.HIGH,
          "YAML file of alert rules (format in alerts/README.md). Read at start; the app does not start when it is invalid.")
      .define(RELOAD_INTERVAL_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
          "How often the rules and subscriptions files are checked for changes and re-read; 0 reads them at start only. "
              + "An invalid new version is logged and the previous one stays in force.")
      .define(SPIKE_DIMENSIONS, Type.LIST, "theme,mineral", ValidList.in(true, "theme", "mineral", "country"), Importance.MEDIUM,
          "What spikes are counted per: theme, mineral and/or country. Empty disables spike alerts.")
      .define(SPIKE_TIMESTAMP, Type.STRING, TIMESTAMP_RECEIVED, ValidString.in(TIMESTAMP_RECEIVED, TIMESTAMP_PUBLISHED),
          Importance.MEDIUM,
          "Which time places a report in a window: received (the record timestamp: when Lodestone received it) or "
              + "published (the report's published_at, else the record timestamp). Reports older than the grace period are not counted.")
      .define(SPIKE_WINDOW_MS, Type.LONG, 3_600_000L, Range.atLeast(1_000), Importance.MEDIUM,
          "Size of the tumbling count windows.")
      .define(SPIKE_GRACE_MS, Type.LONG, 600_000L, Range.atLeast(0), Importance.MEDIUM,
          "How long after a window's end late reports are still counted; a window's alert is decided only then.")
      .define(SPIKE_BASELINE_WINDOWS, Type.INT, 24, Range.atLeast(1), Importance.MEDIUM,
          "Baseline: mean count of this many windows before the current one (windows without reports count as 0).")
      .define(SPIKE_WARMUP_WINDOWS, Type.INT, 24, Range.atLeast(0), Importance.LOW,
          "Windows the detector must have watched before it alerts, so that a zero baseline means quiet, not unknown.")
      .define(SPIKE_FACTOR, Type.DOUBLE, 3.0, Range.atLeast(1.0), Importance.MEDIUM,
          "A closed window is a spike when its count is at least this factor times the baseline (and at least spike.min.count).")
      .define(SPIKE_MIN_COUNT, Type.INT, 5, Range.atLeast(1), Importance.MEDIUM,
          "Fewest reports in a window for a spike alert, whatever the baseline.")
      .define(SPIKE_SEVERITY, Type.STRING, Severity.MEDIUM.name(), ValidString.in(severities()), Importance.LOW,
          "Severity of spike alerts.")
      .define(SPIKE_SAMPLE_SIZE, Type.INT, 20, Range.between(0, 1_000), Importance.LOW,
          "Report ids a spike alert lists (the first reports of the window).")
      .define(WEBHOOK_SUBSCRIPTIONS_FILE, Type.STRING, "deploy/alerts/webhooks.yaml", Importance.HIGH,
          "YAML file of webhook subscriptions (format in alerts/README.md), re-read when it changes; empty disables the dispatcher.")
      .define(WEBHOOK_GROUP_ID, Type.STRING, "lodestone-webhooks", Importance.MEDIUM,
          "Kafka consumer group of the webhook dispatcher.")
      .define(WEBHOOK_MAX_ATTEMPTS, Type.INT, 8, Range.atLeast(1), Importance.MEDIUM,
          "Delivery attempts per alert and subscription before the alert is dead-lettered (stage webhook).")
      .define(WEBHOOK_BACKOFF_INITIAL_MS, Type.LONG, 1_000L, Range.atLeast(1), Importance.LOW,
          "Wait before the second attempt; doubled after each failed attempt, with jitter.")
      .define(WEBHOOK_BACKOFF_MAX_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW,
          "Longest wait between two attempts.")
      .define(WEBHOOK_CONNECT_TIMEOUT_MS, Type.LONG, 5_000L, Range.atLeast(1), Importance.LOW,
          "Connect timeout of a delivery.")
      .define(WEBHOOK_REQUEST_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW,
          "Time a subscriber has to answer a delivery; a timeout counts as a failed attempt.")
      .define(MAX_POLL_RECORDS, Type.INT, 100, Range.atLeast(1), Importance.LOW,
          "Most alerts the webhook dispatcher and the indexer each handle per batch; offsets are committed after each batch.")
      .define(ELASTICSEARCH_URLS, Type.LIST, "http://127.0.0.1:9200", Importance.HIGH,
          "Elasticsearch node URLs, comma-separated, for the alerts index (Kibana's latest-alerts panel); empty disables indexing.")
      .define(ALERTS_INDEX, Type.STRING, "lodestone-alerts", Importance.MEDIUM,
          "Index of the alerts, document id = alert id; its template is installed at start.")
      .define(INDEX_GROUP_ID, Type.STRING, "lodestone-alerts-index", Importance.LOW,
          "Kafka consumer group of the alert indexer.")
      .define(INDEX_REPLICAS, Type.INT, 0, Range.atLeast(0), Importance.LOW,
          "number_of_replicas of the alerts index: 0 on a single node, at least 1 on a real cluster.");

  public AlertsConfig(Map<?, ?> originals) {
    super(CONFIG, originals, false);
  }

  /** Defaults, then LODESTONE_* environment variables, then the overrides. */
  public static AlertsConfig fromEnvironment(Map<String, ?> overrides) {
    return new AlertsConfig(ConfigSources.fromEnvironment(CONFIG, overrides));
  }

  private static String[] severities() {
    return Arrays.stream(Severity.values()).map(Severity::name).toArray(String[]::new);
  }

  public List<String> spikeDimensions() {
    return getList(SPIKE_DIMENSIONS);
  }
}
