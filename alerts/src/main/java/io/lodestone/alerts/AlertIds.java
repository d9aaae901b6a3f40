package io.lodestone.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable alert ids, the idempotency key subscribers deduplicate on: the same rule and report, or the
 * same detector, key and window, always give the same id, so a replay or a redelivery is recognizable.
 */
public final class AlertIds {
  private AlertIds() {}

  /** The id of the alert a rule raises for a report. */
  public static String forRule(String ruleId, String reportId) {
    return hash("rule", ruleId, reportId);
  }

  /** The id of the alert a spike detector raises for a key (e.g. theme:recycling) and a window. */
  public static String forSpike(String detector, String key, long windowStartMs) {
    return hash("spike", detector, key, Long.toString(windowStartMs));
  }

  /** First 32 hex digits of SHA-256 over the parts joined by a separator no id contains. */
  private static String hash(String... parts) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
