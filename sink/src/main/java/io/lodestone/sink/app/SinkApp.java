package io.lodestone.sink.app;

import io.lodestone.schemas.deadletter.DeadLetterPublisher;
import io.lodestone.core.retry.Backoff;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.ClientProperties;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.core.status.AppStatus;
import io.lodestone.core.status.StatusReporter;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.registry.RegistryClientConfig;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import io.lodestone.schemas.serde.AvroDeserializer;
import io.lodestone.schemas.serde.AvroSerializer;
import io.lodestone.sink.SinkConfig;
import io.lodestone.sink.es.BulkAction;
import io.lodestone.sink.es.BulkIndexer;
import io.lodestone.sink.es.DuplicateDocument;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.sink.es.ElasticsearchConnection;
import io.lodestone.sink.es.IndexTemplate;
import io.lodestone.sink.es.ReportDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes enriched reports into Elasticsearch and applies duplicate notices to their canonical reports.
 *
 * <p>The consumer thread reads both topics, turns records into bulk actions and fills bounded requests,
 * which a {@link BulkDispatcher} sends on a few workers. A record's offset is committed only once its
 * action was written or dead-lettered ({@link OffsetTracker}); while every worker is busy (Elasticsearch
 * slow, or away and being retried with backoff) consumption pauses, still polling so that the consumer
 * stays in its group. Documents use the report id as {@code _id}, so a replay overwrites instead of
 * duplicating: delivery into Elasticsearch is at-least-once and idempotent.
 */
public final class SinkApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);
  public static final String APP_NAME = "sink";
  static final String STAGE = "sink";
  /** How long the consumer thread polls, paused, while it waits for a free worker or a retry. */
  private static final Duration PAUSED_POLL = Duration.ofMillis(100);

  private final SinkConfig config;
  private final String indexPrefix;
  private final String enrichedTopic;
  private final String duplicatesTopic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroDeserializer<EnrichedReport> reports;
  private final AvroDeserializer<DuplicateNotice> notices;
  private final ElasticsearchClient elasticsearch;
  private final BulkDispatcher<ConsumerRecord<byte[], byte[]>> dispatcher;
  private final BulkBuffer<ConsumerRecord<byte[], byte[]>> buffer;
  private final OffsetTracker offsets = new OffsetTracker();
  private final DeadLetterPublisher deadLetters;
  private final StatusReporter status;
  /** Partitions revoked (in a paused poll) while the batch in hand is processed: the rest of it is skipped. */
  private final Set<TopicPartition> revokedSinceBatch = new HashSet<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private volatile String state = AppStatus.STARTING;
  private volatile String lastError = "";
  private volatile Throwable failure;
  private volatile boolean running = true;
  private volatile boolean consumerClosed;

  public SinkApp(SinkConfig config) {
    this.config = config;
    this.indexPrefix = config.getString(SinkConfig.INDEX_PREFIX);
    this.enrichedTopic = config.getString(CommonOptions.TOPIC_ENRICHED);
    this.duplicatesTopic = config.getString(CommonOptions.TOPIC_DUPLICATES);
    String bootstrap = config.getString(CommonOptions.BOOTSTRAP_SERVERS);
    TopicBootstrap.ensureConfigured(config, List.of(CommonOptions.TOPIC_ENRICHED, CommonOptions.TOPIC_DUPLICATES,
        CommonOptions.TOPIC_DEAD_LETTER));
    Map<String, Object> registryConfig = ClientProperties.select(config.originals(), Set.of());
    registryConfig.put(RegistryClientConfig.SCHEMA_REGISTRY_URL, config.getString(CommonOptions.SCHEMA_REGISTRY_URL));
    SchemaRegistryClient registry = new SchemaRegistryClient(new RegistryClientConfig(registryConfig));
    this.reports = new AvroDeserializer<>(registry, EnrichedReport.class);
    reports.configure(registryConfig, false);
    this.notices = new AvroDeserializer<>(registry, DuplicateNotice.class);
    notices.configure(registryConfig, false);
    AvroSerializer<DeadLetter> deadLetterSerializer = new AvroSerializer<>(registry);
    deadLetterSerializer.configure(registryConfig, false);

    int maxActions = config.getInt(SinkConfig.BULK_MAX_ACTIONS);
    Map<String, Object> consumerProps = ClientProperties.select(config.originals(), ConsumerConfig.configNames());
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(SinkConfig.GROUP_ID));
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxActions);
    this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());

    Map<String, Object> producerProps = ClientProperties.select(config.originals(), ProducerConfig.configNames());
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.deadLetters = new DeadLetterPublisher(producerProps, deadLetterSerializer, config.getString(CommonOptions.TOPIC_DEAD_LETTER));

    this.elasticsearch = ElasticsearchClients.create(ElasticsearchConnection.from(config));
    this.buffer = new BulkBuffer<>(maxActions, config.getLong(SinkConfig.BULK_MAX_BYTES), config.getLong(SinkConfig.BULK_FLUSH_INTERVAL_MS));
    this.dispatcher = new BulkDispatcher<>(new BulkIndexer(elasticsearch)::index, new DispatchListener(),
        config.getInt(SinkConfig.BULK_MAX_IN_FLIGHT), config.getLong(SinkConfig.RETRY_BACKOFF_INITIAL_MS),
        config.getLong(SinkConfig.RETRY_BACKOFF_MAX_MS));
    String statusDir = config.getString(SinkConfig.STATUS_DIR);
    this.status = new StatusReporter(statusDir.isEmpty() ? null : Path.of(statusDir), APP_NAME, () -> state,
        () -> Map.of("written", Long.toString(written.get()), "dead_lettered", Long.toString(deadLettered.get()),
            "unresolved", Integer.toString(offsets.unresolvedCount()), "last_error", lastError));
  }

  /** Documents written so far: reports indexed or merged, and duplicate notices applied. */
  public long indexedCount() {
    return written.get();
  }

  /** Records sent to the dead-letter topic so far. */
  public long deadLetteredCount() {
    return deadLettered.get();
  }

  /**
   * Installs the index template (retrying until Elasticsearch answers), then indexes until {@link #stop()}.
   * Throws when the sink cannot go on (a template Elasticsearch refuses, a request that fails for a reason
   * retrying does not fix); what was not acknowledged is not committed and is indexed at the next start.
   */
  public void run() {
    try {
      IndexTemplate.Settings template = new IndexTemplate.Settings(indexPrefix, config.getString(SinkConfig.INDEX_ALIAS),
          config.getInt(SinkConfig.INDEX_REPLICAS), config.getString(SinkConfig.INDEX_TEXT_ANALYZER));
      retryUntilDone("install the index template", () -> IndexTemplate.install(elasticsearch, template));
      consumer.subscribe(List.of(enrichedTopic, duplicatesTopic), new CommitOnRevoke());
      state = AppStatus.RUNNING;
      LOG.info("sink started: {} and {} -> Elasticsearch {} ({}-YYYY.MM, alias {})", enrichedTopic, duplicatesTopic,
          ElasticsearchConnection.from(config), indexPrefix, template.alias());
      while (running) {
        long now = System.currentTimeMillis();
        long wait = Math.min(config.getLong(SinkConfig.POLL_TIMEOUT_MS), Math.max(1, buffer.millisUntilDue(now)));
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(wait));
        // What this poll returns belongs to the assignment it ended with, even for a partition that the same
        // poll revoked and assigned again (read again from its last commit): none of it may be skipped.
        revokedSinceBatch.clear();
        process(records);
        if (buffer.shouldSend(System.currentTimeMillis(), records.isEmpty(), dispatcher.inFlight() == 0)) {
          dispatch(buffer.drain());
        }
        commitAdvanced();
        throwIfFailed();
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      state = failure == null ? AppStatus.STOPPED : AppStatus.FAILED;
      shutDown();
    }
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    Instant now = Instant.now();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      if (!running || revokedSinceBatch.contains(partition)) {
        continue;
      }
      offsets.track(partition, record.offset());
      BulkAction<ConsumerRecord<byte[], byte[]>> action = toAction(record, now);
      if (action == null) {
        offsets.resolve(partition, record.offset());
        continue;
      }
      if (!buffer.fits(action)) {
        dispatch(buffer.drain());
      }
      buffer.add(action, System.currentTimeMillis());
      if (buffer.isFull()) {
        dispatch(buffer.drain());
      }
    }
  }

  /** The bulk action of a record, or null when the record went to the dead-letter topic instead. */
  private BulkAction<ConsumerRecord<byte[], byte[]>> toAction(ConsumerRecord<byte[], byte[]> record, Instant now) {
    try {
      if (record.topic().equals(duplicatesTopic)) {
        DuplicateNotice notice = retryUntilDone("read a record's schema from the registry",
            () -> notices.deserialize(record.topic(), record.value()));
        if (notice == null) {
          deadLetter(record, null, "NullValue", "record has no value (tombstone); the duplicates topic carries notices only");
          return null;
        }
        String index = DuplicateDocument.indexName(indexPrefix, notice);
        if (index == null) {
          deadLetter(record, notice.getDuplicateOf(), "MissingCanonicalPublishedAt",
              "duplicate notice without canonical_published_at: the canonical report's monthly index is unknown");
          return null;
        }
        return BulkAction.upsert(index, notice.getDuplicateOf(), DuplicateDocument.partialUpdate(notice), record);
      }
      EnrichedReport report = retryUntilDone("read a record's schema from the registry",
          () -> reports.deserialize(record.topic(), record.value()));
      if (report == null) {
        deadLetter(record, null, "NullValue", "record has no value (tombstone); the enriched topic carries reports only");
        return null;
      }
      return BulkAction.create(ReportDocument.indexName(indexPrefix, report), report.getReport().getId(),
          ReportDocument.json(report, now), record);
    } catch (SerializationException e) {
      deadLetter(record, null, e.getClass().getName(), e.getMessage());
      return null;
    }
  }

  /** Hands the request to a worker, pausing consumption while none is free. */
  private void dispatch(List<BulkAction<ConsumerRecord<byte[], byte[]>>> request) {
    boolean paused = false;
    while (running && !dispatcher.tryDispatch(request)) {
      paused = true;
      pollPaused();
      commitAdvanced();
      throwIfFailed();
    }
    if (paused) {
      consumer.resume(consumer.paused());
    }
  }

  /**
   * One poll with every partition paused: keeps the consumer in its group while the sink waits. A record
   * that a rebalance hands over meanwhile is rewound, not skipped.
   */
  private void pollPaused() {
    consumer.pause(consumer.assignment());
    ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(PAUSED_POLL);
    for (TopicPartition partition : unexpected.partitions()) {
      consumer.seek(partition, unexpected.records(partition).get(0).offset());
    }
  }

  private void commitAdvanced() {
    Map<TopicPartition, OffsetAndMetadata> advanced = offsets.advanced(consumer.assignment());
    if (!advanced.isEmpty()) {
      consumer.commitAsync(advanced, (committed, error) -> {
        if (error != null) {
          // A later commit carries the progress; a lost one only means re-indexing (same _id, no duplicate).
          LOG.warn("offset commit failed: {}", error.getMessage());
        }
      });
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reportId, String errorClass, String message) {
    LOG.error("dead-lettering {}-{}@{} (report {}): {}", record.topic(), record.partition(), record.offset(), reportId, message);
    Backoff backoff = backoff();
    while (true) {
      try {
        deadLetters.publish(STAGE, record, reportId, errorClass, message);
        deadLettered.incrementAndGet();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          throw new IllegalStateException("stopped before the dead letter of " + record.topic() + "-" + record.partition()
              + "@" + record.offset() + " was published", e);
        }
        lastError = "cannot publish a dead letter: " + e.getMessage();
        long delay = backoff.nextDelayMs();
        LOG.warn("{}; retrying in {} ms", lastError, delay);
        sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted before the dead letter of " + record.topic() + "-" + record.partition()
            + "@" + record.offset() + " was published", e);
      }
    }
  }

  /** A step on the consumer thread that must eventually succeed: Elasticsearch or the registry may be away. */
  private <T> T retryUntilDone(String what, ThrowingSupplier<T> step) {
    Backoff backoff = backoff();
    boolean failed = false;
    while (true) {
      try {
        T result = step.get();
        if (failed) {
          LOG.info("recovered: could {} again", what);
          lastError = "";
        }
        return result;
      } catch (SerializationException e) {
        throw e;
      } catch (ElasticsearchException e) {
        if (e.status() != 429 && e.status() < 500) {
          throw new IllegalStateException("Elasticsearch refused to " + what + ": " + e.getMessage(), e);
        }
        waitToRetry(what, e, backoff);
      } catch (IOException | SchemaRegistryException e) {
        waitToRetry(what, e, backoff);
      }
      failed = true;
    }
  }

  private void waitToRetry(String what, Exception e, Backoff backoff) {
    if (!running) {
      throw new WakeupException();
    }
    lastError = "cannot " + what + ": " + e.getMessage();
    long delay = backoff.nextDelayMs();
    LOG.warn("{}; retrying in {} ms", lastError, delay);
    long until = System.currentTimeMillis() + delay;
    boolean subscribed = !consumer.subscription().isEmpty();
    while (running && System.currentTimeMillis() < until) {
      if (subscribed) {
        pollPaused();
      } else {
        sleep(Math.min(PAUSED_POLL.toMillis(), until - System.currentTimeMillis()));
      }
    }
    if (subscribed) {
      consumer.resume(consumer.paused());
    }
  }

  private Backoff backoff() {
    return new Backoff(config.getLong(SinkConfig.RETRY_BACKOFF_INITIAL_MS), config.getLong(SinkConfig.RETRY_BACKOFF_MAX_MS));
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw new IllegalStateException("the sink stopped: " + failure.getMessage(), failure);
    }
  }

  /** Waits for requests in flight (up to shutdown.timeout.ms), commits what is safe, and closes the consumer. */
  private void shutDown() {
    try {
      if (!dispatcher.awaitIdle(Duration.ofMillis(config.getLong(SinkConfig.SHUTDOWN_TIMEOUT_MS)))) {
        LOG.warn("stopping with {} bulk request(s) unacknowledged; their records are indexed again at the next start",
            dispatcher.inFlight());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dispatcher.close();
    try {
      Map<TopicPartition, OffsetAndMetadata> safe = offsets.safe(consumer.assignment());
      if (!safe.isEmpty()) {
        consumer.commitSync(safe);
      }
    } catch (KafkaException e) {
      LOG.warn("final offset commit failed; records since the last commit are indexed again at the next start: {}", e.getMessage());
    } finally {
      consumerClosed = true;
      consumer.close();
    }
  }

  /** Stops the loop from another thread; {@link #run()} returns after the current step. */
  public void stop() {
    running = false;
    if (!consumerClosed) {
      consumer.wakeup();
    }
  }

  @Override
  public void close() {
    stop();
    dispatcher.close();
    deadLetters.close();
    status.close();
    try {
      elasticsearch._transport().close();
    } catch (IOException e) {
      LOG.debug("closing the Elasticsearch client: {}", e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }

  /** Commits what is safe of the partitions this instance gives up, so that their new owner starts there. */
  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      revokedSinceBatch.addAll(partitions);
      try {
        Map<TopicPartition, OffsetAndMetadata> safe = offsets.safe(partitions);
        if (!safe.isEmpty()) {
          consumer.commitSync(safe);
        }
      } catch (KafkaException e) {
        LOG.warn("offset commit before a rebalance failed; the new owner re-indexes these records: {}", e.getMessage());
      }
      offsets.forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      revokedSinceBatch.addAll(partitions);
      offsets.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // A partition revoked while a batch was in hand (in a paused poll) stays skipped for the rest of that
      // batch, even when assigned again: the consumer now reads it again from its last commit.
      if (!partitions.isEmpty()) {
        LOG.info("partitions assigned: {}", partitions);
      }
    }
  }

  private final class DispatchListener implements BulkDispatcher.Listener<ConsumerRecord<byte[], byte[]>> {
    @Override
    public void rejected(BulkAction<ConsumerRecord<byte[], byte[]>> action, String reason) {
      deadLetter(action.handle(), action.id(), "ElasticsearchRejected", reason);
    }

    @Override
    public void retrying(int actions, String reason, long delayMs) {
      lastError = "Elasticsearch: " + reason;
      LOG.warn("{} document(s) not indexed ({}); retrying in {} ms", actions, reason, delayMs);
    }

    @Override
    public void completed(List<BulkAction<ConsumerRecord<byte[], byte[]>>> request, int writes) {
      for (BulkAction<ConsumerRecord<byte[], byte[]>> action : request) {
        ConsumerRecord<byte[], byte[]> record = action.handle();
        offsets.resolve(new TopicPartition(record.topic(), record.partition()), record.offset());
      }
      written.addAndGet(writes);
      if (lastError.startsWith("Elasticsearch")) {
        LOG.info("recovered: Elasticsearch takes documents again");
        lastError = "";
      }
    }

    @Override
    public void failed(Throwable error) {
      if (!running) {
        LOG.debug("bulk request abandoned while stopping: {}", error.toString());
        return;
      }
      LOG.error("bulk request failed for a reason retrying does not fix; stopping: {}", error.toString());
      failure = error;
      stop();
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws IOException;
  }
}
