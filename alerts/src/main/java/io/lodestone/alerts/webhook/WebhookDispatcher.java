package io.lodestone.alerts.webhook;

import io.lodestone.alerts.AlertJson;
import io.lodestone.schemas.deadletter.DeadLetterPublisher;
import io.lodestone.alerts.deadletter.DeadLetters;
import io.lodestone.alerts.files.WatchedFile;
import io.lodestone.alerts.kafka.BatchConsumer;
import io.lodestone.schemas.SupplyChainAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to webhook subscribers, at least once. Each polled batch is split per subscription
 * (by its filters); subscriptions are served in parallel, each in the topic's order, and each delivery
 * ends delivered or dead-lettered. Only then are the batch's offsets committed ({@link BatchConsumer}), so a
 * crash re-delivers (with the same idempotency key) rather than loses. While deliveries wait on retries the
 * consumer keeps polling with its partitions paused, so that it stays in its group however long the backoff.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final long POLL_MS = 200;

  private final BatchConsumer loop;
  private final Deserializer<SupplyChainAlert> deserializer;
  private final WatchedFile<List<Subscription>> subscriptions;
  private final Deliverer deliverer;
  private final DeadLetterPublisher deadLetters;
  private final String topic;
  private final ExecutorService workers;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  public WebhookDispatcher(Consumer<byte[], byte[]> consumer, Deserializer<SupplyChainAlert> deserializer,
      WatchedFile<List<Subscription>> subscriptions, Deliverer deliverer, DeadLetterPublisher deadLetters, String topic) {
    this.loop = new BatchConsumer(consumer, "webhook dispatcher");
    this.deserializer = deserializer;
    this.subscriptions = subscriptions;
    this.deliverer = deliverer;
    this.deadLetters = deadLetters;
    this.topic = topic;
    AtomicInteger threads = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "webhook-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public long deliveredCount() {
    return delivered.get();
  }

  public long deadLetteredCount() {
    return deadLettered.get();
  }

  public String lastError() {
    return loop.lastError();
  }

  public int subscriptionCount() {
    return subscriptions.current().size();
  }

  /** Dispatches until {@link #stop()}. */
  public void run() {
    LOG.info("webhook dispatcher started: {} -> {} subscription(s) of {}", topic, subscriptionCount(), subscriptions.path());
    loop.run(topic, this::dispatch);
  }

  /** One alert for one subscription. */
  private record Work(ConsumerRecord<byte[], byte[]> record, SupplyChainAlert alert, byte[] body) {}

  private void dispatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    List<Subscription> current = subscriptions.current();
    Map<Subscription, List<Work>> perSubscription = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      SupplyChainAlert alert;
      try {
        alert = deserializer.deserialize(record.topic(), record.headers(), record.value());
      } catch (SerializationException e) {
        deadLetter(record, null, e.getClass().getName(), "cannot read the alert: " + e.getMessage());
        continue;
      }
      if (alert == null) {
        LOG.warn("skipping {}-{}@{}: no value (the alerts topic carries alerts only)", record.topic(), record.partition(),
            record.offset());
        continue;
      }
      byte[] body = AlertJson.bytes(alert);
      for (Subscription subscription : current) {
        if (subscription.filter().matches(alert)) {
          perSubscription.computeIfAbsent(subscription, s -> new ArrayList<>()).add(new Work(record, alert, body));
        }
      }
    }
    List<Future<?>> deliveries = new ArrayList<>();
    perSubscription.forEach((subscription, work) -> deliveries.add(workers.submit(() -> {
      deliverAll(subscription, work);
      return null;
    })));
    awaitPolling(deliveries);
  }

  private void deliverAll(Subscription subscription, List<Work> work) throws InterruptedException {
    for (Work item : work) {
      Delivery delivery = deliverer.deliver(subscription, item.alert().getId(), item.body(), loop::running);
      if (delivery.delivered()) {
        delivered.incrementAndGet();
      } else {
        deadLetter(item.record(), item.alert().getReportIds().isEmpty() ? null : item.alert().getReportIds().get(0),
            "WebhookDeliveryFailed", subscription + ": " + delivery.detail());
      }
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reportId, String errorClass, String message)
      throws InterruptedException {
    LOG.error("dead-lettering alert {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), message);
    deadLetters.publish(DeadLetters.STAGE_WEBHOOK, record, reportId, errorClass, message);
    deadLettered.incrementAndGet();
  }

  /** Waits for the deliveries while polling paused; rethrows the first failure once all have ended. */
  private void awaitPolling(List<Future<?>> deliveries) throws InterruptedException {
    while (deliveries.stream().anyMatch(f -> !f.isDone())) {
      if (!loop.running()) {
        deliveries.forEach(f -> f.cancel(true));
        throw new InterruptedException("the dispatcher is stopping");
      }
      loop.pollPausedFor(POLL_MS);
    }
    for (Future<?> delivery : deliveries) {
      try {
        delivery.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof InterruptedException interrupted) {
          throw interrupted;
        }
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      }
    }
  }

  /** Stops from another thread: pending retries are abandoned uncommitted, and {@link #run()} returns. */
  public void stop() {
    loop.stop();
  }

  @Override
  public void close() {
    stop();
    workers.shutdownNow();
  }
}
