package io.lodestone.core.kafka;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Picks, from an app's configuration, what a Kafka client should see: the client's own keys (so that
 * security.protocol, sasl.*, ssl.* and tuning set by the user reach it) and the schema-registry serde
 * keys (Confluent's names), but not Lodestone's own options.
 */
public final class ClientProperties {
  private ClientProperties() {}

  /**
   * The client's keys, the serde keys, and keys under the given prefixes (e.g. Kafka Streams'
   * {@code main.consumer.} and {@code producer.}).
   */
  public static Map<String, Object> select(Map<String, ?> originals, Set<String> clientConfigNames, String... prefixes) {
    Map<String, Object> selected = new HashMap<>();
    originals.forEach((key, value) -> {
      if (clientConfigNames.contains(key) || isSerdeKey(key) || Arrays.stream(prefixes).anyMatch(key::startsWith)) {
        selected.put(key, value);
      }
    });
    return selected;
  }

  static boolean isSerdeKey(String key) {
    return key.startsWith("schema.registry.") || key.startsWith("basic.auth.") || key.startsWith("bearer.auth.")
        || key.endsWith(".subject.name.strategy") || key.equals("auto.register.schemas")
        || key.equals("use.latest.version") || key.equals("specific.avro.reader");
  }
}
