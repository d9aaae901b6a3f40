package io.lodestone.core.retry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the wait after the n-th failure is drawn between half and all of
 * {@code initial * 2^(n-1)}, capped, so that many clients retrying after one outage do not come back in
 * step. {@link #delayMs(int, long)} is stateless and thread-safe; {@link #nextDelayMs()} and
 * {@link #reset()} walk one retry loop's sequence and belong to one thread.
 */
public final class Backoff {
  private final long initialMs;
  private final long maxMs;
  private int failures;

  public Backoff(long initialMs, long maxMs) {
    this.initialMs = Math.max(1, initialMs);
    this.maxMs = Math.max(this.initialMs, maxMs);
  }

  public long initialMs() {
    return initialMs;
  }

  public long maxMs() {
    return maxMs;
  }

  /** The wait after {@code failedAttempts} failures (1 or more). */
  public long delayMs(int failedAttempts) {
    long exponential = initialMs << Math.min(Math.max(failedAttempts, 1) - 1, 30);
    long capped = exponential <= 0 ? maxMs : Math.min(maxMs, exponential);
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped - capped / 2 + 1);
  }

  /** The same, but at least what the server asked for (Retry-After), still capped. */
  public long delayMs(int failedAttempts, long retryAfterMs) {
    return Math.min(maxMs, Math.max(delayMs(failedAttempts), retryAfterMs));
  }

  /** The next wait of this retry loop; the one after it is about twice as long, up to the cap. */
  public long nextDelayMs() {
    return delayMs(++failures);
  }

  /** After a success: the next failure starts again from the initial wait. */
  public void reset() {
    failures = 0;
  }
}
