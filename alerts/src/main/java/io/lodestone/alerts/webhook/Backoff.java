package io.lodestone.alerts.webhook;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so that retries of many alerts do not hit a recovering subscriber at once. */
public record Backoff(long initialMs, long maxMs) {
  /** The wait after {@code failedAttempts} failures: between half and all of initial * 2^(failures-1), capped. */
  public long delayMs(int failedAttempts, long retryAfterMs) {
    long exponential = initialMs << Math.min(failedAttempts - 1, 30);
    long capped = Math.min(maxMs, exponential < 0 ? maxMs : exponential);
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Math.min(maxMs, Math.max(jittered, retryAfterMs));
  }
}
