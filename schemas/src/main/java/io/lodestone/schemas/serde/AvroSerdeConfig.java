package io.lodestone.schemas.serde;

import io.lodestone.schemas.registry.RegistryClientConfig;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Serde options, under the names Confluent's KafkaAvroSerializer and KafkaAvroDeserializer use, so that
 * one set of properties configures either implementation.
 */
public final class AvroSerdeConfig extends AbstractConfig {
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  public static final ConfigDef CONFIG = new ConfigDef(RegistryClientConfig.CONFIG)
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
          "Register the writer's schema under its subject when serializing; when false, the schema must already be registered.")
      .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
          "Serialize with the id of the subject's latest version instead of looking up the writer's schema (with auto.register.schemas=false).")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
          "Deserialize into the generated SpecificRecord class of the writer's schema instead of a GenericRecord.")
      .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME, Importance.LOW,
          "Subject name strategy for keys: TopicNameStrategy (<topic>-key), RecordNameStrategy, TopicRecordNameStrategy; Confluent's class names are accepted.")
      .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME, Importance.LOW,
          "Subject name strategy for values: TopicNameStrategy (<topic>-value), RecordNameStrategy, TopicRecordNameStrategy; Confluent's class names are accepted.");

  public AvroSerdeConfig(Map<?, ?> originals) {
    super(CONFIG, originals, false);
  }

  public RegistryClientConfig registryClientConfig() {
    return new RegistryClientConfig(originals());
  }

  public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
    return SubjectNameStrategy.named(getString(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
  }
}
