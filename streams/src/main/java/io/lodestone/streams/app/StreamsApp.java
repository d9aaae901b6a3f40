package io.lodestone.streams.app;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.ClientProperties;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.core.status.AppStatus;
import io.lodestone.core.status.StatusReporter;
import io.lodestone.schemas.registry.RegistryClientConfig;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.streams.LodestoneTopology;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.TopologySerdes;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.deadletter.DeadLetterDeserializationHandler;
import io.lodestone.streams.deadletter.DeadLetterProcessingHandler;
import io.lodestone.streams.deadletter.DeadLetterProductionHandler;
import io.lodestone.streams.deadletter.DeadLetters;
import io.lodestone.streams.deadletter.RegistryOutage;
import io.lodestone.streams.dedup.DeduplicateProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology: creates missing topics, starts Kafka Streams with exactly_once_v2, reports its
 * state in a heartbeat file, and on close leaves the consumer group so that a restart need not wait for
 * the session timeout.
 */
public final class StreamsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
  public static final String APP_NAME = "streams";
  private static final Duration REGISTRY_RETRY = Duration.ofSeconds(5);
  /** Suffix of a Kafka metric's running total (the rate is "-rate"). */
  private static final String TOTAL = "-total";

  private final StreamsAppConfig config;
  private final KafkaStreams streams;
  private final StatusReporter status;
  private final CountDownLatch terminated = new CountDownLatch(1);
  /** Why the topology stopped, in one sentence, for the last line of the log. */
  private volatile String failure = "see the errors above";

  public StreamsApp(StreamsAppConfig config) {
    this.config = config;
    String taxonomy = config.getString(StreamsAppConfig.TAXONOMY_FILE);
    ThemeClassifier classifier = ThemeClassifier.fromFile(taxonomy);
    LOG.info("classifying with taxonomy {} ({})", classifier.taxonomyVersion(), taxonomy.isBlank() ? "bundled" : taxonomy);
    SchemaRegistryClient registry = new SchemaRegistryClient(new RegistryClientConfig(registryConfig(config)));
    TopologySerdes serdes = TopologySerdes.registry(registry, registryConfig(config));
    Topology topology = LodestoneTopology.buildTopology(config, serdes, classifier);
    // after the taxonomy was read: an analyst's broken file is said at once, not after a minute of waiting for Kafka
    TopicBootstrap.ensureConfigured(config, List.of(CommonOptions.TOPIC_RAW, CommonOptions.TOPIC_ENRICHED,
        CommonOptions.TOPIC_DUPLICATES, CommonOptions.TOPIC_DEAD_LETTER));
    LOG.info("topology:\n{}", topology.describe());
    Properties props = streamsProperties(config);
    props.put(DeadLetters.SERIALIZER, serdes.deadLetter().serializer());
    this.streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(this::onStreamThreadFailure);
    streams.setStateListener((newState, oldState) -> {
      LOG.info("streams state {} -> {}", oldState, newState);
      if (newState == KafkaStreams.State.ERROR) {
        LOG.error("the topology failed and stopped: {}", failure);
        terminated.countDown();
      }
    });
    String statusDir = config.getString(StreamsAppConfig.STATUS_DIR);
    this.status = new StatusReporter(statusDir.isEmpty() ? null : Path.of(statusDir), APP_NAME,
        this::state, this::statusDetails);
  }

  /**
   * A registry outage fails the task without dead-lettering (the records must be retried): replace the
   * stream thread, which resumes from the last committed offsets, after a pause. Anything else stops
   * the app, as Kafka Streams does by default.
   */
  private StreamThreadExceptionResponse onStreamThreadFailure(Throwable error) {
    if (RegistryOutage.causedBy(error)) {
      LOG.error("the schema registry is unavailable; restarting the stream thread in {} s to retry", REGISTRY_RETRY.toSeconds());
      try {
        Thread.sleep(REGISTRY_RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    LOG.error("the topology failed: {}", error.getMessage(), error);
    failure = outOfMemory(error)
        ? "out of its " + (Runtime.getRuntime().maxMemory() >> 20) + " MB Java heap; the dedup index takes the most of it, so "
            + "give the app more heap (LODESTONE_STREAMS_HEAP under ./lodestone up, else -Xmx) or lower "
            + StreamsAppConfig.DEDUP_MAX_REPORTS
        : error.toString() + " (details above)";
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  private static boolean outOfMemory(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> registryConfig(StreamsAppConfig config) {
    Map<String, Object> registry = ClientProperties.select(config.originals(), java.util.Set.of());
    registry.put(RegistryClientConfig.SCHEMA_REGISTRY_URL, config.getString(CommonOptions.SCHEMA_REGISTRY_URL));
    return registry;
  }

  /** The Kafka Streams properties of the app's configuration (also used by the bench's pass-through topology). */
  public static Properties streamsProperties(StreamsAppConfig config) {
    Properties props = new Properties();
    props.putAll(ClientProperties.select(config.originals(), StreamsConfig.configDef().names(),
        StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX,
        StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(StreamsAppConfig.APPLICATION_ID));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(CommonOptions.BOOTSTRAP_SERVERS));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(StreamsAppConfig.STATE_DIR));
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getInt(StreamsAppConfig.NUM_STANDBY_REPLICAS));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(StreamsAppConfig.NUM_STREAM_THREADS));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(StreamsAppConfig.COMMIT_INTERVAL_MS));
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), config.getString(CommonOptions.COMPRESSION_TYPE));
    props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, config.getString(StreamsAppConfig.GROUP_PROTOCOL));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.getShort(CommonOptions.TOPIC_REPLICATION_FACTOR));
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.putAll(deadLetterProperties(config));
    return props;
  }

  /** The exception handlers, and what they need to write DeadLetter records: topic and registry. */
  public static Map<String, Object> deadLetterProperties(StreamsAppConfig config) {
    Map<String, Object> props = new java.util.HashMap<>(registryConfig(config));
    props.put(DeadLetters.TOPIC, config.getString(CommonOptions.TOPIC_DEAD_LETTER));
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    // No global stores here; set, as Kafka 5 will default it, so that every start does not warn about it. The
    // partition assignor checks it again in the main consumer's settings, which leave it out unless prefixed.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
    return props;
  }

  /** The app's state and the deduplicator's counts since start (canonical, duplicate, redelivery, forgotten-early). */
  private Map<String, String> statusDetails() {
    Map<String, Double> dedup = new TreeMap<>();
    streams.metrics().forEach((name, metric) -> {
      if (name.group().equals(DeduplicateProcessor.METRIC_GROUP) && name.name().endsWith(TOTAL)) {
        String outcome = name.name().substring(0, name.name().length() - TOTAL.length());
        dedup.merge("dedup." + outcome, ((Number) metric.metricValue()).doubleValue(), Double::sum);
      }
    });
    Map<String, String> details = new TreeMap<>();
    details.put("streams.state", streams.state().name());
    dedup.forEach((key, total) -> details.put(key, Long.toString(Math.round(total))));
    return details;
  }

  private String state() {
    return switch (streams.state()) {
      case RUNNING -> AppStatus.RUNNING;
      case ERROR -> AppStatus.FAILED;
      case NOT_RUNNING, PENDING_SHUTDOWN, PENDING_ERROR -> AppStatus.STOPPED;
      default -> AppStatus.STARTING;
    };
  }

  public KafkaStreams streams() {
    return streams;
  }

  public void start() {
    streams.start();
    LOG.info("streams app {} started: {} -> {}", config.getString(StreamsAppConfig.APPLICATION_ID),
        config.getString(CommonOptions.TOPIC_RAW), config.getString(CommonOptions.TOPIC_ENRICHED));
  }

  /** Blocks until {@link #stop()} is called or the topology fails; true when it failed. */
  public boolean awaitTermination() throws InterruptedException {
    terminated.await();
    return streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.PENDING_ERROR;
  }

  /** Releases {@link #awaitTermination()}; {@link #close()} then stops the topology. */
  public void stop() {
    terminated.countDown();
  }

  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
    status.close();
  }
}
