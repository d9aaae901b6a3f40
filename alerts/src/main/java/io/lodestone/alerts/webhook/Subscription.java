package io.lodestone.alerts.webhook;

import io.lodestone.alerts.AlertFilter;
import java.net.URI;

/**
 * A webhook subscriber: where alerts go, the secret their signature is computed with, and which alerts
 * it wants. {@link #toString()} leaves the URL and the secret out: a webhook URL is often a credential.
 */
public record Subscription(String id, URI url, byte[] secret, AlertFilter filter) {
  @Override
  public String toString() {
    return "subscription " + id;
  }
}
