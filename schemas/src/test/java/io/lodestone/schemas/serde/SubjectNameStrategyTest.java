package io.lodestone.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.schemas.NewsReport;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectNameStrategyTest {
  private static final Schema SCHEMA = NewsReport.getClassSchema();

  @Test
  void topicNameStrategyNamesOneSubjectPerTopicAndSide() {
    assertThat(SubjectNameStrategy.TOPIC.subject("lodestone.reports.raw", false, SCHEMA)).isEqualTo("lodestone.reports.raw-value");
    assertThat(SubjectNameStrategy.TOPIC.subject("lodestone.reports.raw", true, SCHEMA)).isEqualTo("lodestone.reports.raw-key");
  }

  @Test
  void recordNameStrategiesNameTheRecord() {
    assertThat(SubjectNameStrategy.RECORD.subject("t", false, SCHEMA)).isEqualTo("io.lodestone.schemas.NewsReport");
    assertThat(SubjectNameStrategy.TOPIC_RECORD.subject("t", true, SCHEMA)).isEqualTo("t-io.lodestone.schemas.NewsReport");
  }

  @ParameterizedTest
  @CsvSource({
      "TopicNameStrategy, TOPIC",
      "io.confluent.kafka.serializers.subject.TopicNameStrategy, TOPIC",
      "io.confluent.kafka.serializers.subject.RecordNameStrategy, RECORD",
      "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, TOPIC_RECORD",
      "TopicRecordNameStrategy, TOPIC_RECORD"})
  void acceptsSimpleAndConfluentClassNames(String name, SubjectNameStrategy expected) {
    assertThat(SubjectNameStrategy.named(name)).isEqualTo(expected);
  }

  @Test
  void refusesUnknownStrategies() {
    assertThatThrownBy(() -> SubjectNameStrategy.named("com.example.MyStrategy"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown subject name strategy com.example.MyStrategy; use TopicNameStrategy, RecordNameStrategy "
            + "or TopicRecordNameStrategy");
  }
}
