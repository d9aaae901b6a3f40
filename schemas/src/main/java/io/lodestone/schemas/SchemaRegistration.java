package io.lodestone.schemas;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import io.lodestone.schemas.serde.SubjectNameStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Registers the value schemas of an app's topics when it starts, so that a schema the registry refuses
 * (an incompatible change, typically) stops the app at once with the registry's reason, instead of
 * failing on its first record.
 */
public final class SchemaRegistration {
  private SchemaRegistration() {}

  /**
   * Registers each contract's value schema under the subject {@code <topic>-value} of the topic name
   * the app is configured with, in contract order; returns the schema id of each subject.
   *
   * @throws SchemaRegistryException naming the schema, the subject and the registry's reason, when the
   *     registry refuses one ({@link SchemaRegistryException.IncompatibleSchemaException} for an
   *     incompatible change) or cannot be reached
   */
  public static Map<String, Integer> register(SchemaRegistryClient client, Map<TopicContract, String> topics) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    new TreeMap<>(topics).forEach((contract, topic) -> {
      String subject = SubjectNameStrategy.TOPIC.subject(topic, false, contract.valueSchema());
      ids.put(subject, client.register(subject, contract.valueSchema()));
    });
    return ids;
  }
}
