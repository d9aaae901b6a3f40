package io.lodestone.alerts.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An at-least-once consumer loop: each polled batch goes to a handler, and its offsets are committed
 * only once the handler returned (every record done: delivered, indexed or dead-lettered). When the
 * handler fails, the batch is rewound and handed over again after a growing backoff. Handlers that wait
 * (retries, backoff) call {@link #pollPausedFor(long)}, so that the consumer stays in its group.
 */
public final class BatchConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(BatchConsumer.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long BACKOFF_MAX_MS = 30_000;

  /** Handles a batch; returns once every record is done, throws to have the batch retried. */
  @FunctionalInterface
  public interface Handler {
    void handle(ConsumerRecords<byte[], byte[]> records) throws InterruptedException;
  }

  private final Consumer<byte[], byte[]> consumer;
  private final String name;
  private volatile String lastError = "";
  private volatile boolean running = true;
  private volatile boolean closed;

  /** @param name what the loop does, for logs: "webhook dispatcher", "alert indexer" */
  public BatchConsumer(Consumer<byte[], byte[]> consumer, String name) {
    this.consumer = consumer;
    this.name = name;
  }

  public boolean running() {
    return running;
  }

  public String lastError() {
    return lastError;
  }

  /** Subscribes and handles batches until {@link #stop()}; closes the consumer at the end. */
  public void run(String topic, Handler handler) {
    consumer.subscribe(List.of(topic));
    long backoff = 100;
    try {
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        try {
          handler.handle(records);
          commit(records);
          lastError = "";
          backoff = 100;
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          lastError = e.getMessage();
          LOG.warn("{}: batch not finished ({}); retrying it in {} ms", name, e.getMessage(), backoff);
          rewind(records);
          pollPausedFor(backoff);
          backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
        }
      }
    } catch (WakeupException | InterruptedException e) {
      if (running) {
        throw new IllegalStateException("the " + name + " was interrupted", e);
      }
    } finally {
      closed = true;
      consumer.close();
    }
  }

  /**
   * Polls with every partition paused for about {@code millis} (at least once): the consumer stays in its
   * group, and a record a rebalance hands over meanwhile is rewound, not skipped.
   */
  public void pollPausedFor(long millis) {
    long until = System.currentTimeMillis() + millis;
    do {
      consumer.pause(consumer.assignment());
      rewind(consumer.poll(POLL));
    } while (System.currentTimeMillis() < until && running);
    consumer.resume(consumer.paused());
  }

  private void rewind(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      if (consumer.assignment().contains(partition)) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
    }
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
      // The partitions moved to another instance, which handles these records again (idempotently).
      LOG.warn("{}: offset commit failed after a rebalance; the new owner handles these records again: {}", name,
          e.getMessage());
    }
  }

  /** Stops from another thread: the current batch is abandoned uncommitted, and {@link #run} returns. */
  public void stop() {
    running = false;
    if (!closed) {
      consumer.wakeup();
    }
  }
}
