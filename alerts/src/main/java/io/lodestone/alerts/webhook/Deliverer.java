package io.lodestone.alerts.webhook;

import io.lodestone.core.retry.Backoff;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an alert to a subscription: retries failures that may pass with exponential backoff, up to
 * the maximum number of attempts; gives up at once on a rejection. Every attempt carries the same
 * idempotency key, so a receiver that saw an earlier attempt succeed can ignore the repeat.
 */
public final class Deliverer {
  private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

  private final WebhookSender sender;
  private final Backoff backoff;
  private final int maxAttempts;

  public Deliverer(WebhookSender sender, Backoff backoff, int maxAttempts) {
    this.sender = sender;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
  }

  /**
   * @param running false once the dispatcher stops: waiting ends and the delivery is abandoned (it is not
   *     committed, so it is made again after a restart)
   * @throws InterruptedException when interrupted or stopped before the outcome was known
   */
  public Delivery deliver(Subscription subscription, String alertId, byte[] body, BooleanSupplier running)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Attempt result = sender.send(subscription, alertId, body, attempt);
      switch (result.outcome()) {
        case DELIVERED -> {
          LOG.info("delivered alert {} to {} ({}, attempt {})", alertId, subscription, result.detail(), attempt);
          return new Delivery(true, attempt, result.detail());
        }
        case REJECTED -> {
          LOG.warn("{} rejected alert {} ({}); not retrying", subscription, alertId, result.detail());
          return new Delivery(false, attempt, "rejected: " + result.detail());
        }
        case RETRY -> {
          if (attempt >= maxAttempts) {
            LOG.warn("giving up alert {} for {} after {} attempts ({})", alertId, subscription, attempt, result.detail());
            return new Delivery(false, attempt, "gave up after " + attempt + " attempts; last: " + result.detail());
          }
          long delay = backoff.delayMs(attempt, result.retryAfterMs());
          LOG.warn("attempt {} of alert {} to {} failed ({}); retrying in {} ms", attempt, alertId, subscription,
              result.detail(), delay);
          sleep(delay, running);
        }
      }
    }
  }

  private static void sleep(long delayMs, BooleanSupplier running) throws InterruptedException {
    long until = System.currentTimeMillis() + delayMs;
    while (System.currentTimeMillis() < until) {
      if (!running.getAsBoolean()) {
        throw new InterruptedException("the dispatcher is stopping");
      }
      Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
    }
  }
}
