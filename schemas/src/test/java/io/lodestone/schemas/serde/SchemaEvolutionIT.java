package io.lodestone.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.Reports;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import io.lodestone.schemas.registry.SchemaRegistryException.IncompatibleSchemaException;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schema evolution under the registry's BACKWARD rule, against the real registry. */
@ExtendWith(TestStackExtension.class)
class SchemaEvolutionIT {
  private static final Schema V1 = NewsReport.getClassSchema();
  /** v2 adds an optional field, with a default: a BACKWARD-compatible change. */
  private static final Schema V2 = withField(V1, new Schema.Field("section",
      Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), "Newsroom section.",
      JsonProperties.NULL_VALUE));
  /** v3 adds a required field without a default: v3 readers could not read v1 data. */
  private static final Schema V3 = withField(V1, new Schema.Field("word_count", Schema.create(Schema.Type.INT)));

  private final String topic = "it.evolution-" + UUID.randomUUID();
  private SchemaRegistryClient client;
  private Map<String, Object> config;

  @BeforeEach
  void connect(TestStack stack) {
    client = new SchemaRegistryClient(stack.registryUrl());
    config = Map.of("schema.registry.url", stack.registryUrl());
  }

  @Test
  void aV1ReaderReadsV2DataAndAV2ReaderReadsV1Data() {
    NewsReport v1Report = Reports.newsReport("r1");
    byte[] v1Bytes = AvroSerde.specific(NewsReport.class, config, false).serializer().serialize(topic, v1Report);
    AvroDeserializer<GenericRecord> v2Reader = AvroDeserializer.generic(client, V2);

    GenericRecord v2Report = v2Reader.deserialize(topic, v1Bytes);
    v2Report.put("section", "markets");
    AvroSerializer<GenericRecord> v2Writer = new AvroSerializer<>(client);
    v2Writer.configure(config, false);
    byte[] v2Bytes = v2Writer.serialize(topic, v2Report);

    assertThat(client.versions(topic + "-value")).containsExactly(1, 2);
    assertThat(v2Reader.deserialize(topic, v1Bytes).get("section")).isNull();
    assertThat(v2Reader.deserialize(topic, v2Bytes).get("section")).hasToString("markets");
    assertThat(new AvroDeserializer<>(client, NewsReport.class).deserialize(topic, v2Bytes)).isEqualTo(v1Report);
  }

  @Test
  void anIncompatibleChangeIsRefusedWith409AndAClearException() {
    byte[] v1Bytes = AvroSerde.specific(NewsReport.class, config, false).serializer().serialize(topic, Reports.newsReport("r1"));
    GenericRecord v1Report = AvroDeserializer.generic(client, V1).deserialize(topic, v1Bytes);
    GenericRecord v3Report = new GenericData.Record(V3);
    V1.getFields().forEach(f -> v3Report.put(f.name(), v1Report.get(f.name())));
    v3Report.put("word_count", 250);
    AvroSerializer<GenericRecord> v3Writer = new AvroSerializer<>(client);
    v3Writer.configure(config, false);

    assertThat(client.isCompatible(topic + "-value", V3)).isFalse();
    assertThatThrownBy(() -> v3Writer.serialize(topic, v3Report))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("refused to register io.lodestone.schemas.NewsReport under subject " + topic
            + "-value (error 409): ")
        .hasMessageContaining("word_count")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
    assertThat(client.versions(topic + "-value")).containsExactly(1);
  }

  private static Schema withField(Schema base, Schema.Field extra) {
    List<Schema.Field> fields = new ArrayList<>();
    base.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(extra);
    return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
  }
}
