package io.lodestone.alerts.webhook;

/**
 * What one delivery attempt came to.
 *
 * @param retryAfterMs how long the subscriber asked us to wait (Retry-After), or 0
 * @param detail what happened, for logs and dead letters: "HTTP 503", "timed out after 10000 ms", ...
 */
public record Attempt(Outcome outcome, String detail, long retryAfterMs) {
  public enum Outcome {
    /** A 2xx answer. */
    DELIVERED,
    /** A failure that may pass: a timeout, a connection error, 408, 425, 429 or 5xx. */
    RETRY,
    /** An answer that another attempt will not change, such as 400, 401, 404 or 410. */
    REJECTED
  }
}
