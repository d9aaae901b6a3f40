package io.lodestone.schemas.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** How a record's subject is named in the registry, as in Confluent's serializers. */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default). */
  TOPIC {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return topic + (isKey ? "-key" : "-value");
    }
  },
  /** The record's full name: one lineage per record type, across topics. */
  RECORD {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return schema.getFullName();
    }
  },
  /** {@code <topic>-<record full name>}. */
  TOPIC_RECORD {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return topic + "-" + schema.getFullName();
    }
  };

  public static final String TOPIC_NAME = "TopicNameStrategy";

  public abstract String subject(String topic, boolean isKey, Schema schema);

  /** Accepts a simple name or a fully qualified class name (ours or Confluent's). */
  public static SubjectNameStrategy named(String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return switch (simple) {
      case "TopicNameStrategy" -> TOPIC;
      case "RecordNameStrategy" -> RECORD;
      case "TopicRecordNameStrategy" -> TOPIC_RECORD;
      default -> throw new ConfigException("unknown subject name strategy " + name
          + "; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
    };
  }
}
