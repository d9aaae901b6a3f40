package io.lodestone.producers.feed;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.status.AppStatus;
import io.lodestone.core.status.StatusReporter;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.fetch.AddressPolicy;
import io.lodestone.producers.fetch.HostPoliteness;
import io.lodestone.producers.fetch.PageFetcher;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.publish.ReportPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The feed poller as an app: configuration in, heartbeat with per-feed health out (app name {@value #APP_NAME}). */
public final class FeedsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedsApp.class);
  public static final String APP_NAME = "feeds";

  private final ReportPublisher publisher;
  private final FeedStateStore stateStore;
  private final FeedPoller poller;
  private final StatusReporter status;
  private volatile String state = AppStatus.STARTING;

  public FeedsApp(IngestConfig config) {
    this.publisher = new ReportPublisher(config);
    this.stateStore = new FeedStateStore(config.getString(IngestConfig.FEEDS_STATE_TOPIC), stateClientProperties(config),
        config.getShort(CommonOptions.TOPIC_REPLICATION_FACTOR));
    this.poller = new FeedPoller(pollerSettings(config), fetcher(config),
        new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES)), publisher, stateStore);
    this.status = new StatusReporter(config.statusDir(), APP_NAME, () -> state, poller::statusDetails);
  }

  public static FeedPoller.Settings pollerSettings(IngestConfig config) {
    return new FeedPoller.Settings(Path.of(config.getString(IngestConfig.FEEDS_FILE)),
        Duration.ofMillis(config.getLong(IngestConfig.FEEDS_RELOAD_INTERVAL_MS)),
        Duration.ofMillis(config.getLong(IngestConfig.FEEDS_BACKOFF_INITIAL_MS)),
        Duration.ofMillis(config.getLong(IngestConfig.FEEDS_BACKOFF_MAX_MS)),
        config.getInt(IngestConfig.FEEDS_SEEN_IDS_MAX), config.getInt(IngestConfig.FEEDS_THREADS));
  }

  public static PageFetcher fetcher(IngestConfig config) {
    return new PageFetcher(new PageFetcher.Settings(config.getString(IngestConfig.FEEDS_USER_AGENT),
        Duration.ofMillis(config.getInt(IngestConfig.FEEDS_CONNECT_TIMEOUT_MS)),
        Duration.ofMillis(config.getInt(IngestConfig.FEEDS_REQUEST_TIMEOUT_MS)),
        config.getInt(IngestConfig.FEEDS_MAX_RESPONSE_BYTES), config.getInt(IngestConfig.FEEDS_MAX_REDIRECTS),
        new AddressPolicy(config.getBoolean(IngestConfig.FEEDS_ALLOW_PRIVATE_ADDRESSES)),
        new HostPoliteness(config.getLong(IngestConfig.FEEDS_HOST_MIN_INTERVAL_MS))));
  }

  /** Bootstrap servers plus the user's security settings, for the state topic's producer and consumer. */
  public static Map<String, Object> stateClientProperties(IngestConfig config) {
    Set<String> shared = new HashSet<>(ProducerConfig.configNames());
    shared.retainAll(ConsumerConfig.configNames());
    shared.remove(CommonClientConfigs.CLIENT_ID_CONFIG);
    Map<String, Object> props = new HashMap<>();
    config.originals().forEach((key, value) -> {
      if (shared.contains(key)) {
        props.put(key, value);
      }
    });
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.getString(CommonOptions.BOOTSTRAP_SERVERS));
    return props;
  }

  public FeedPoller poller() {
    return poller;
  }

  /** Loads state and feeds, then polls until {@link #stop()}. */
  public void run() {
    try {
      poller.start();
      state = AppStatus.RUNNING;
      poller.run();
      state = AppStatus.STOPPED;
    } catch (RuntimeException e) {
      state = AppStatus.FAILED;
      LOG.error("the feed poller failed: {}", e.getMessage(), e);
      throw e;
    }
  }

  public void stop() {
    poller.stop();
  }

  @Override
  public void close() {
    poller.close();
    stateStore.close();
    publisher.close();
    status.close();
  }
}
