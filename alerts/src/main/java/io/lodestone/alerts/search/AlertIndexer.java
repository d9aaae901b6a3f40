package io.lodestone.alerts.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.alerts.AlertJson;
import io.lodestone.schemas.deadletter.DeadLetterPublisher;
import io.lodestone.alerts.deadletter.DeadLetters;
import io.lodestone.alerts.kafka.BatchConsumer;
import io.lodestone.schemas.SupplyChainAlert;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes alerts into Elasticsearch (document id = alert id, so a replay overwrites), for dashboards.
 * Offsets are committed once every alert of a batch is indexed or dead-lettered; while Elasticsearch is
 * unreachable or overloaded (connection errors, 429, 5xx) the batch is retried with backoff, consumption
 * paused, for as long as it takes. A document Elasticsearch refuses goes to the dead-letter topic.
 */
public final class AlertIndexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertIndexer.class);
  private static final long BACKOFF_MAX_MS = 30_000;

  private final BatchConsumer loop;
  private final Deserializer<SupplyChainAlert> deserializer;
  private final ElasticsearchClient client;
  private final String index;
  private final int replicas;
  private final DeadLetterPublisher deadLetters;
  private final String topic;
  private final AtomicLong indexed = new AtomicLong();

  public AlertIndexer(Consumer<byte[], byte[]> consumer, Deserializer<SupplyChainAlert> deserializer,
      ElasticsearchClient client, String index, int replicas, DeadLetterPublisher deadLetters, String topic) {
    this.loop = new BatchConsumer(consumer, "alert indexer");
    this.deserializer = deserializer;
    this.client = client;
    this.index = index;
    this.replicas = replicas;
    this.deadLetters = deadLetters;
    this.topic = topic;
  }

  public long indexedCount() {
    return indexed.get();
  }

  public String lastError() {
    return loop.lastError();
  }

  /** The document of an alert: its JSON (the webhook body) and a numeric severity for range filters. */
  public static ObjectNode document(SupplyChainAlert alert) {
    return AlertJson.tree(alert).put("severity_rank", alert.getSeverity().ordinal());
  }

  /** Installs the index template (retrying until Elasticsearch answers), then indexes until {@link #stop()}. */
  public void run() {
    long backoff = 100;
    while (loop.running()) {
      try {
        AlertsIndexTemplate.install(client, index, replicas);
        break;
      } catch (IOException | ElasticsearchException e) {
        LOG.warn("cannot install the index template of {} ({}); retrying in {} ms", index, e.getMessage(), backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
      }
    }
    LOG.info("alert indexer started: {} -> Elasticsearch index {}", topic, index);
    loop.run(topic, this::index);
  }

  /** An alert to index, with the record it came from (for its dead letter). */
  private record Pending(ConsumerRecord<byte[], byte[]> record, SupplyChainAlert alert) {}

  private void index(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    List<Pending> pending = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      try {
        SupplyChainAlert alert = deserializer.deserialize(record.topic(), record.headers(), record.value());
        if (alert != null) {
          pending.add(new Pending(record, alert));
        }
      } catch (SerializationException e) {
        deadLetter(record, e.getClass().getName(), "cannot read the alert: " + e.getMessage());
      }
    }
    long backoff = 100;
    while (!pending.isEmpty()) {
      String retryReason;
      try {
        List<Pending> retry = bulk(pending);
        retryReason = retry.isEmpty() ? null : "Elasticsearch asked to retry " + retry.size() + " document(s)";
        pending = retry;
      } catch (IOException | ElasticsearchException e) {
        if (e instanceof ElasticsearchException refused && refused.status() != 429 && refused.status() < 500) {
          throw refused;
        }
        retryReason = e.getMessage();
      }
      if (!pending.isEmpty()) {
        LOG.warn("{} alert(s) not indexed ({}); retrying in {} ms", pending.size(), retryReason, backoff);
        loop.pollPausedFor(backoff);
        if (!loop.running()) {
          throw new InterruptedException("the alert indexer is stopping");
        }
        backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
      }
    }
  }

  /** Indexes the alerts; dead-letters those refused for good and returns those to retry. */
  private List<Pending> bulk(List<Pending> alerts) throws IOException, InterruptedException {
    List<BulkOperation> operations = alerts.stream().map(p -> BulkOperation.of(op -> op.index(i -> i.index(index)
        .id(p.alert().getId()).document(document(p.alert()))))).toList();
    BulkResponse response = client.bulk(b -> b.operations(operations));
    List<Pending> retry = new ArrayList<>();
    for (int i = 0; i < response.items().size(); i++) {
      BulkResponseItem item = response.items().get(i);
      if (item.error() == null) {
        indexed.incrementAndGet();
      } else if (item.status() == 429 || item.status() >= 500) {
        retry.add(alerts.get(i));
      } else {
        deadLetter(alerts.get(i).record(), "ElasticsearchRejected", item.error().type() + ": " + item.error().reason());
      }
    }
    return retry;
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, String errorClass, String message)
      throws InterruptedException {
    LOG.error("dead-lettering alert {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), message);
    deadLetters.publish(DeadLetters.STAGE_INDEX, record, null, errorClass, message);
  }

  /** Stops from another thread: the current batch is abandoned uncommitted, and {@link #run()} returns. */
  public void stop() {
    loop.stop();
  }

  @Override
  public void close() {
    stop();
    try {
      client._transport().close();
    } catch (IOException e) {
      LOG.debug("closing the Elasticsearch client: {}", e.getMessage());
    }
  }
}
