package io.lodestone.alerts.app;

import io.lodestone.alerts.AlertsConfig;
import io.lodestone.alerts.AlertsTopology;
import io.lodestone.alerts.deadletter.DeadLetterOnDeserializationError;
import io.lodestone.schemas.deadletter.DeadLetterPublisher;
import io.lodestone.alerts.search.AlertIndexer;
import io.lodestone.alerts.webhook.WebhookDispatcher;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.ClientProperties;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.core.status.AppStatus;
import io.lodestone.core.status.StatusReporter;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.SupplyChainAlert;
import io.lodestone.schemas.registry.RegistryClientConfig;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts app: the alert topology (exactly_once_v2), and, on threads of their own, the webhook
 * dispatcher (when a subscriptions file is configured) and the alert indexer (when Elasticsearch URLs
 * are), with one heartbeat for all. A stream thread that dies (e.g. while the registry is unreachable) is
 * replaced and resumes from its last commit; a consumer part that dies stops the app.
 */
public final class AlertsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertsApp.class);
  public static final String APP_NAME = "alerts";

  private final AlertsConfig config;
  private final KafkaStreams streams;
  private final DeadLetterPublisher deadLetters;
  private final WebhookDispatcher dispatcher;
  private final AlertIndexer indexer;
  private final List<Thread> threads = new ArrayList<>();
  private final StatusReporter status;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final AtomicLong threadRestarts = new AtomicLong();
  private volatile String lastStreamsError = "";
  private volatile boolean partFailed;
  private volatile boolean stopping;

  /** @param env where subscription secrets named by {@code secret_env} are looked up */
  public AlertsApp(AlertsConfig config, Map<String, String> env) {
    this.config = config;
    Map<String, Object> registryConfig = registryConfig(config);
    SchemaRegistryClient registry = new SchemaRegistryClient(new RegistryClientConfig(registryConfig));
    AlertsTopology.AlertSerdes serdes = new AlertsTopology.AlertSerdes(AvroSerde.specific(EnrichedReport.class, registry),
        AvroSerde.specific(SupplyChainAlert.class, registry));
    serdes.enrichedReport().configure(registryConfig, false);
    serdes.alert().configure(registryConfig, false);
    Topology topology = AlertsTopology.buildTopology(config, serdes);
    // after the rules file was read: a mistake in it is said at once, not after a minute of waiting for Kafka
    TopicBootstrap.ensureConfigured(config, List.of(CommonOptions.TOPIC_ENRICHED, CommonOptions.TOPIC_ALERTS,
        CommonOptions.TOPIC_DEAD_LETTER));
    LOG.info("alert topology:\n{}", topology.describe());
    this.streams = new KafkaStreams(topology, streamsProperties(config));
    streams.setStateListener((newState, oldState) -> {
      LOG.info("alerts streams state {} -> {}", oldState, newState);
      if (newState == KafkaStreams.State.ERROR) {
        terminated.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(e -> {
      lastStreamsError = e.getMessage();
      threadRestarts.incrementAndGet();
      LOG.error("a stream thread failed ({}); replacing it, it resumes from the last commit", e.getMessage());
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    AlertConsumers consumers = new AlertConsumers(config, registry, registryConfig);
    this.deadLetters = consumers.deadLetters();
    this.dispatcher = config.getString(AlertsConfig.WEBHOOK_SUBSCRIPTIONS_FILE).isBlank() ? null
        : consumers.webhookDispatcher(deadLetters, env);
    this.indexer = config.getList(AlertsConfig.ELASTICSEARCH_URLS).isEmpty() ? null : consumers.alertIndexer(deadLetters);
    if (dispatcher != null) {
      threads.add(new Thread(() -> runPart("webhook dispatcher", dispatcher::run), "webhook-dispatcher"));
    }
    if (indexer != null) {
      threads.add(new Thread(() -> runPart("alert indexer", indexer::run), "alert-indexer"));
    }
    String statusDir = config.getString(AlertsConfig.STATUS_DIR);
    this.status = new StatusReporter(statusDir.isEmpty() ? null : Path.of(statusDir), APP_NAME, this::state, this::details);
  }

  private static Map<String, Object> registryConfig(AlertsConfig config) {
    Map<String, Object> registry = ClientProperties.select(config.originals(), Set.of());
    registry.put(RegistryClientConfig.SCHEMA_REGISTRY_URL, config.getString(CommonOptions.SCHEMA_REGISTRY_URL));
    return registry;
  }

  static Properties streamsProperties(AlertsConfig config) {
    Properties props = new Properties();
    props.putAll(ClientProperties.select(config.originals(), StreamsConfig.configDef().names()));
    props.putAll(registryConfig(config));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(AlertsConfig.APPLICATION_ID));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(CommonOptions.BOOTSTRAP_SERVERS));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(AlertsConfig.STATE_DIR));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(AlertsConfig.COMMIT_INTERVAL_MS));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.getShort(CommonOptions.TOPIC_REPLICATION_FACTOR));
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnDeserializationError.class);
    props.put(DeadLetterOnDeserializationError.TOPIC_CONFIG, config.getString(CommonOptions.TOPIC_DEAD_LETTER));
    // No global stores here; set, as Kafka 5 will default it, so that every start does not warn about it. The
    // partition assignor checks it again in the main consumer's settings, which leave it out unless prefixed.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return props;
  }

  private void runPart(String name, Runnable part) {
    try {
      part.run();
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.error("the {} failed and stopped: {}", name, e.getMessage(), e);
        partFailed = true;
        terminated.countDown();
      }
    }
  }

  private String state() {
    if (partFailed) {
      return AppStatus.FAILED;
    }
    return switch (streams.state()) {
      case RUNNING -> AppStatus.RUNNING;
      case ERROR -> AppStatus.FAILED;
      case NOT_RUNNING, PENDING_SHUTDOWN, PENDING_ERROR -> AppStatus.STOPPED;
      default -> AppStatus.STARTING;
    };
  }

  private Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("streams.state", streams.state().name());
    details.put("streams.thread_restarts", Long.toString(threadRestarts.get()));
    String lastError = lastStreamsError;
    if (dispatcher != null) {
      details.put("webhook.subscriptions", Integer.toString(dispatcher.subscriptionCount()));
      details.put("webhook.delivered", Long.toString(dispatcher.deliveredCount()));
      details.put("webhook.dead_lettered", Long.toString(dispatcher.deadLetteredCount()));
      lastError = dispatcher.lastError().isEmpty() ? lastError : dispatcher.lastError();
    }
    if (indexer != null) {
      details.put("index.indexed", Long.toString(indexer.indexedCount()));
      lastError = indexer.lastError().isEmpty() ? lastError : indexer.lastError();
    }
    details.put("last_error", lastError == null ? "" : lastError);
    return details;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public void start() {
    streams.start();
    threads.forEach(Thread::start);
    LOG.info("alerts app {} started: {} -> {}{}{}", config.getString(AlertsConfig.APPLICATION_ID),
        config.getString(CommonOptions.TOPIC_ENRICHED), config.getString(CommonOptions.TOPIC_ALERTS),
        dispatcher == null ? " (no webhook dispatcher)" : " -> webhooks",
        indexer == null ? " (no indexing)" : " -> Elasticsearch " + config.getString(AlertsConfig.ALERTS_INDEX));
  }

  /** Blocks until {@link #stop()} is called or a part fails; true when it failed. */
  public boolean awaitTermination() throws InterruptedException {
    terminated.await();
    return partFailed || streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.PENDING_ERROR;
  }

  /** Releases {@link #awaitTermination()}; {@link #close()} then stops every part. */
  public void stop() {
    terminated.countDown();
  }

  @Override
  public void close() {
    stopping = true;
    stop();
    if (dispatcher != null) {
      dispatcher.stop();
    }
    if (indexer != null) {
      indexer.stop();
    }
    for (Thread thread : threads) {
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (indexer != null) {
      indexer.close();
    }
    deadLetters.close();
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
    status.close();
  }
}
