package io.lodestone.sink.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.ClientProperties;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.core.status.AppStatus;
import io.lodestone.core.status.StatusReporter;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.registry.RegistryClientConfig;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import io.lodestone.schemas.serde.AvroDeserializer;
import io.lodestone.schemas.serde.AvroSerializer;
import io.lodestone.sink.SinkConfig;
import io.lodestone.sink.es.BulkIndexer;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.sink.es.IndexTemplate;
import io.lodestone.sink.es.ReportDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes enriched reports into Elasticsearch. Offsets are committed only after every record of the
 * batch was indexed or dead-lettered; while Elasticsearch (or the registry) is unreachable, consumption
 * pauses and the batch is retried with exponential backoff, so an outage delays reports but loses none.
 * Documents use the report id as {@code _id}, so a replay overwrites instead of duplicating.
 */
public final class SinkApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);
  public static final String APP_NAME = "sink";
  static final String STAGE = "sink";

  private final SinkConfig config;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroDeserializer<EnrichedReport> deserializer;
  private final ElasticsearchClient elasticsearch;
  private final BulkIndexer indexer;
  private final DeadLetterPublisher deadLetters;
  private final StatusReporter status;
  private final String indexPrefix;
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private volatile String state = AppStatus.STARTING;
  private volatile String lastError = "";
  private volatile boolean running = true;
  private volatile boolean consumerClosed;

  public SinkApp(SinkConfig config) {
    this.config = config;
    this.indexPrefix = config.getString(SinkConfig.INDEX_PREFIX);
    String bootstrap = config.getString(CommonOptions.BOOTSTRAP_SERVERS);
    TopicBootstrap.ensure(bootstrap, List.of(CommonOptions.TOPIC_ENRICHED, CommonOptions.TOPIC_DEAD_LETTER).stream()
        .map(key -> new TopicBootstrap.TopicSpec(config.getString(key), config.getInt(CommonOptions.TOPIC_PARTITIONS),
            config.getShort(CommonOptions.TOPIC_REPLICATION_FACTOR), Map.of())).toList());
    Map<String, Object> registryConfig = ClientProperties.select(config.originals(), Set.of());
    registryConfig.put(RegistryClientConfig.SCHEMA_REGISTRY_URL, config.getString(CommonOptions.SCHEMA_REGISTRY_URL));
    SchemaRegistryClient registry = new SchemaRegistryClient(new RegistryClientConfig(registryConfig));
    this.deserializer = new AvroDeserializer<>(registry, EnrichedReport.class);
    deserializer.configure(registryConfig, false);
    AvroSerializer<DeadLetter> deadLetterSerializer = new AvroSerializer<>(registry);
    deadLetterSerializer.configure(registryConfig, false);

    Map<String, Object> consumerProps = ClientProperties.select(config.originals(), ConsumerConfig.configNames());
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(SinkConfig.GROUP_ID));
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(SinkConfig.BULK_MAX_ACTIONS));
    this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());

    Map<String, Object> producerProps = ClientProperties.select(config.originals(), ProducerConfig.configNames());
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.deadLetters = new DeadLetterPublisher(producerProps, deadLetterSerializer, config.getString(CommonOptions.TOPIC_DEAD_LETTER));

    this.elasticsearch = ElasticsearchClients.create(config.getList(SinkConfig.ELASTICSEARCH_URLS));
    this.indexer = new BulkIndexer(elasticsearch);
    String statusDir = config.getString(SinkConfig.STATUS_DIR);
    this.status = new StatusReporter(statusDir.isEmpty() ? null : Path.of(statusDir), APP_NAME, () -> state,
        () -> Map.of("indexed", Long.toString(indexed.get()), "dead_lettered", Long.toString(deadLettered.get()),
            "last_error", lastError));
  }

  /** Reports indexed so far. */
  public long indexedCount() {
    return indexed.get();
  }

  /** Records sent to the dead-letter topic so far. */
  public long deadLetteredCount() {
    return deadLettered.get();
  }

  /** Installs the index template (retrying until Elasticsearch answers), then indexes until {@link #stop()}. */
  public void run() {
    try {
      retryUntilDone("install the index template", () -> {
        IndexTemplate.install(elasticsearch, indexPrefix, config.getString(SinkConfig.INDEX_ALIAS), config.getInt(SinkConfig.INDEX_REPLICAS));
        return null;
      });
      consumer.subscribe(List.of(config.getString(CommonOptions.TOPIC_ENRICHED)));
      state = AppStatus.RUNNING;
      LOG.info("sink started: {} -> Elasticsearch {} ({}-YYYY.MM, alias {})", config.getString(CommonOptions.TOPIC_ENRICHED),
          config.getList(SinkConfig.ELASTICSEARCH_URLS), indexPrefix, config.getString(SinkConfig.INDEX_ALIAS));
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(config.getLong(SinkConfig.POLL_TIMEOUT_MS)));
        if (!records.isEmpty()) {
          process(records);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      state = AppStatus.STOPPED;
      consumerClosed = true;
      consumer.close();
    }
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    List<BulkIndexer.Action<ConsumerRecord<byte[], byte[]>>> actions = new ArrayList<>();
    Instant now = Instant.now();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      EnrichedReport report;
      try {
        report = retryUntilDone("read a record's schema from the registry", () -> deserializer.deserialize(record.topic(), record.value()));
      } catch (SerializationException e) {
        deadLetter(record, null, e.getClass().getName(), e.getMessage());
        continue;
      }
      if (report == null) {
        deadLetter(record, null, "NullValue", "record has no value (tombstone); the enriched topic carries reports only");
        continue;
      }
      actions.add(new BulkIndexer.Action<>(ReportDocument.indexName(indexPrefix, report), report.getReport().getId(),
          ReportDocument.of(report, now), record));
    }
    indexAll(actions);
    commit(records);
  }

  /** Indexes every action: retries what may succeed later, dead-letters what never will. */
  private void indexAll(List<BulkIndexer.Action<ConsumerRecord<byte[], byte[]>>> actions) {
    List<BulkIndexer.Action<ConsumerRecord<byte[], byte[]>>> pending = actions;
    long backoff = 100;
    while (!pending.isEmpty()) {
      BulkIndexer.Outcome<ConsumerRecord<byte[], byte[]>> outcome = indexer.index(pending);
      indexed.addAndGet(outcome.indexed().size());
      outcome.rejected().forEach(r -> deadLetter(r.action().handle(), r.action().id(), "ElasticsearchRejected", r.reason()));
      pending = outcome.retry();
      if (!pending.isEmpty()) {
        lastError = "Elasticsearch: " + outcome.retryReason();
        LOG.warn("{} of {} documents not indexed ({}); retrying in {} ms", pending.size(), actions.size(), outcome.retryReason(), backoff);
        backoff = pauseAndWait(backoff);
      }
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reportId, String errorClass, String message) {
    LOG.error("dead-lettering {}-{}@{} (report {}): {}", record.topic(), record.partition(), record.offset(), reportId, message);
    retryUntilDone("publish a dead letter", () -> {
      deadLetters.publish(STAGE, record, reportId, errorClass, message);
      return null;
    });
    deadLettered.incrementAndGet();
  }

  private void commit(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
      if (consumer.assignment().contains(partition)) {
        offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
      }
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException e) {
      // The partitions moved to another instance, which re-indexes the batch: same _id, no duplicate.
      LOG.warn("offset commit failed after a rebalance; the new owner re-indexes these records: {}", e.getMessage());
    }
  }

  /** A step that must eventually succeed: Elasticsearch, the registry or Kafka may be away for a while. */
  private <T> T retryUntilDone(String what, ThrowingSupplier<T> step) {
    long backoff = 100;
    while (true) {
      try {
        T result = step.get();
        if (!lastError.isEmpty()) {
          LOG.info("recovered: could {} again", what);
        }
        lastError = "";
        return result;
      } catch (SerializationException e) {
        throw e;
      } catch (ElasticsearchException e) {
        if (e.status() != 429 && e.status() < 500) {
          throw new IllegalStateException("Elasticsearch refused to " + what + ": " + e.getMessage(), e);
        }
        backoff = waitToRetry(what, e, backoff);
      } catch (IOException | SchemaRegistryException | IllegalStateException e) {
        backoff = waitToRetry(what, e, backoff);
      }
    }
  }

  private long waitToRetry(String what, Exception e, long backoff) {
    if (!running) {
      throw new WakeupException();
    }
    lastError = "cannot " + what + ": " + e.getMessage();
    LOG.warn("{}; retrying in {} ms", lastError, backoff);
    return pauseAndWait(backoff);
  }

  /**
   * Waits with consumption paused but the consumer still polling, so that it stays in its group; any
   * record a rebalance hands over meanwhile is rewound, not skipped. Returns the next backoff.
   */
  private long pauseAndWait(long backoff) {
    long until = System.currentTimeMillis() + backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    while (System.currentTimeMillis() < until && running) {
      consumer.pause(consumer.assignment());
      ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(Duration.ofMillis(Math.min(200, Math.max(1, until - System.currentTimeMillis()))));
      for (TopicPartition partition : unexpected.partitions()) {
        consumer.seek(partition, unexpected.records(partition).get(0).offset());
      }
    }
    consumer.resume(consumer.paused());
    return Math.min(backoff * 2, config.getLong(SinkConfig.RETRY_BACKOFF_MAX_MS));
  }

  /** Stops the loop from another thread; {@link #run()} returns after the current batch. */
  public void stop() {
    running = false;
    if (!consumerClosed) {
      consumer.wakeup();
    }
  }

  @Override
  public void close() {
    stop();
    deadLetters.close();
    status.close();
    try {
      elasticsearch._transport().close();
    } catch (IOException e) {
      LOG.debug("closing the Elasticsearch client: {}", e.getMessage());
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws IOException;
  }
}
