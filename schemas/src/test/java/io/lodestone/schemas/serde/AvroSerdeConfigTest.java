package io.lodestone.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

  @Test
  void defaultsAreConfluents() {
    AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "http://registry:8081"));

    assertThat(config.getBoolean(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS)).isTrue();
    assertThat(config.getBoolean(AvroSerdeConfig.USE_LATEST_VERSION)).isFalse();
    assertThat(config.getBoolean(AvroSerdeConfig.SPECIFIC_AVRO_READER)).isFalse();
    assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.TOPIC);
    assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC);
  }

  @Test
  void readsConfluentKeysAsStringsLikePropertiesFilesGiveThem() {
    AvroSerdeConfig config = new AvroSerdeConfig(Map.of(
        "schema.registry.url", "http://registry:8081",
        "auto.register.schemas", "false",
        "use.latest.version", "true",
        "specific.avro.reader", "true",
        "key.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
        "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy",
        "bootstrap.servers", "ignored:9092"));

    assertThat(config.getBoolean(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS)).isFalse();
    assertThat(config.getBoolean(AvroSerdeConfig.USE_LATEST_VERSION)).isTrue();
    assertThat(config.getBoolean(AvroSerdeConfig.SPECIFIC_AVRO_READER)).isTrue();
    assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
    assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.RECORD);
    assertThat(config.registryClientConfig().urls()).hasToString("[http://registry:8081]");
  }

  @Test
  void theRegistryUrlIsRequired() {
    assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("specific.avro.reader", "true")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void anUnknownStrategyFailsAtConfiguration() {
    assertThatThrownBy(() -> new AvroSerializer<>().configure(Map.of("schema.registry.url", "http://registry:8081",
        "value.subject.name.strategy", "Nope"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("unknown subject name strategy Nope");
  }
}
