package io.lodestone.sink.app;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: each wait doubles up to a cap, and is drawn between half of it and
 * all of it, so that many clients retrying after one outage do not come back in step. Not thread-safe:
 * one per retry loop.
 */
final class Backoff {
  private final long initialMs;
  private final long maxMs;
  private long currentMs;

  Backoff(long initialMs, long maxMs) {
    this.initialMs = initialMs;
    this.maxMs = Math.max(initialMs, maxMs);
    this.currentMs = initialMs;
  }

  /** The next wait, in milliseconds; the one after it is twice as long, up to the cap. */
  long nextDelayMs() {
    long base = currentMs;
    currentMs = Math.min(currentMs * 2, maxMs);
    return base / 2 + ThreadLocalRandom.current().nextLong(base - base / 2 + 1);
  }

  /** After a success: the next failure starts again from the initial wait. */
  void reset() {
    currentMs = initialMs;
  }
}
