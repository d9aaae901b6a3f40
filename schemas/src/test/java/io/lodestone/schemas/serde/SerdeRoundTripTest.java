package io.lodestone.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.FakeRegistry;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.Reports;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SerdeRoundTripTest {
  private static final String TOPIC = "lodestone.test";
  private final FakeRegistry registry = FakeRegistry.start();

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  static List<SpecificRecord> oneOfEach() {
    return Reports.oneOfEach();
  }

  @ParameterizedTest
  @MethodSource("oneOfEach")
  <T extends SpecificRecord> void everySchemaRoundTripsThroughItsSpecificSerde(T record) {
    @SuppressWarnings("unchecked")
    AvroSerde<T> serde = AvroSerde.specific((Class<T>) record.getClass(), config(), false);

    byte[] bytes = serde.serializer().serialize(TOPIC, record);

    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(record);
  }

  @ParameterizedTest
  @MethodSource("oneOfEach")
  void everySchemaRoundTripsThroughTheSerdeConfiguredByClassNameAlone(SpecificRecord record) {
    Map<String, Object> config = config();
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    AvroSerde<Object> serde = new AvroSerde<>();
    serde.configure(config, false);

    Object read = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, record));

    assertThat(read).isInstanceOf(record.getClass()).isEqualTo(record);
  }

  @Test
  void genericRecordsRoundTripAndSpecificBytesReadAsGeneric() {
    Schema schema = SchemaBuilder.record("Reading").namespace("io.lodestone.test").fields()
        .requiredString("sensor").optionalDouble("value").name("unit").type().stringType().stringDefault("t")
        .endRecord();
    GenericRecord reading = new GenericData.Record(schema);
    reading.put("sensor", "s1");
    reading.put("value", 4.5);
    reading.put("unit", "kg");
    AvroSerde<Object> serde = new AvroSerde<>();
    serde.configure(config(), false);

    Object read = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, reading));
    GenericRecord report = (GenericRecord) serde.deserializer()
        .deserialize("raw", serde.serializer().serialize("raw", Reports.newsReport("r9")));

    assertThat(read).isInstanceOf(GenericRecord.class).isEqualTo(reading);
    assertThat(report.get("id")).hasToString("r9");
    assertThat(report.get("published_at")).isEqualTo(1768291200000L);
  }

  @Test
  void valuesAreRegisteredUnderTopicValueAndKeysUnderTopicKey() {
    AvroSerializer<NewsReport> values = new AvroSerializer<>();
    values.configure(config(), false);
    AvroSerializer<NewsReport> keys = new AvroSerializer<>();
    keys.configure(config(), true);

    values.serialize("lodestone.reports.raw", Reports.newsReport("r1"));
    keys.serialize("lodestone.reports.raw", Reports.newsReport("r1"));

    assertThat(new SchemaRegistryClient(registry.url()).subjects())
        .containsExactlyInAnyOrder("lodestone.reports.raw-value", "lodestone.reports.raw-key");
  }

  @Test
  void confluentSubjectNameStrategyClassNamesAreHonoured() {
    Map<String, Object> config = config();
    config.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy");
    AvroSerializer<NewsReport> serializer = new AvroSerializer<>();
    serializer.configure(config, false);

    serializer.serialize("lodestone.reports.raw", Reports.newsReport("r1"));

    assertThat(new SchemaRegistryClient(registry.url()).subjects()).containsExactly("io.lodestone.schemas.NewsReport");
  }

  @Test
  void withoutAutoRegisterTheSchemaMustAlreadyBeRegistered() {
    Map<String, Object> config = config();
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    AvroSerializer<NewsReport> serializer = new AvroSerializer<>();
    serializer.configure(config, false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, Reports.newsReport("r1")))
        .isInstanceOf(SchemaRegistryException.SubjectNotFoundException.class)
        .hasMessageContaining("look up io.lodestone.schemas.NewsReport under subject lodestone.test-value");

    int id = new SchemaRegistryClient(registry.url()).register(TOPIC + "-value", NewsReport.getClassSchema());
    assertThat(WireFormat.schemaId(TOPIC, serializer.serialize(TOPIC, Reports.newsReport("r1")))).isEqualTo(id);
  }

  @Test
  void useLatestVersionTakesTheLatestIdOnlyWhenItEncodesLikeTheRecord() {
    Map<String, Object> config = config();
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    config.put(AvroSerdeConfig.USE_LATEST_VERSION, true);
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
    // Registered by another producer with its docs stripped: same encoding, so its id is usable.
    int id = client.register(TOPIC + "-value", new Schema.Parser().parse(NewsReport.getClassSchema().toString()
        .replaceAll(",\"doc\":\"[^\"]*\"", "")));
    client.register("other-value", EnrichedReport.getClassSchema());

    assertThat(WireFormat.schemaId(TOPIC, serializer.serialize(TOPIC, Reports.newsReport("r1")))).isEqualTo(id);
    assertThatThrownBy(() -> serializer.serialize("other", Reports.newsReport("r1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 1 (id 2) of subject other-value does not encode like io.lodestone.schemas.NewsReport");
  }

  @Test
  void aRecordThatBreaksItsSchemaIsASerializationException() {
    AvroSerializer<NewsReport> serializer = new AvroSerializer<>();
    serializer.configure(config(), false);
    NewsReport broken = Reports.newsReport("r1");
    broken.setTitle(null);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, broken))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot encode io.lodestone.schemas.NewsReport for topic lodestone.test")
        .hasMessageContaining("title");
  }

  @Test
  void anythingButAnAvroRecordIsASerializationException() {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    serializer.configure(config(), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, "text"))
        .isInstanceOf(SerializationException.class)
        .hasMessage("AvroSerializer takes Avro records, not java.lang.String");
  }

  @Test
  void nullsPassThrough() {
    AvroSerde<NewsReport> serde = AvroSerde.specific(NewsReport.class, config(), false);

    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  /** Kafka Streams shares one serde between its stream threads. */
  @Test
  void oneSerdeServesManyThreadsAtOnce() throws Exception {
    AvroSerde<EnrichedReport> serde = AvroSerde.specific(EnrichedReport.class, config(), false);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String id = "r" + t;
        results.add(threads.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            EnrichedReport report = Reports.enrichedReport(id + "-" + i);
            if (!serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, report)).equals(report)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", registry.url());
    return config;
  }
}
