package io.lodestone.schemas.serde;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro records (generated SpecificRecords or GenericRecords) in the Confluent wire format,
 * registering or looking up the writer's schema in the registry. Configured with Confluent's keys
 * ({@link AvroSerdeConfig}); a drop-in for {@code io.confluent.kafka.serializers.KafkaAvroSerializer}.
 * Thread-safe.
 */
public class AvroSerializer<T> implements Serializer<T> {
  static {
    TrustedClasses.install();
  }

  private SchemaRegistryClient client;
  private SubjectNameStrategy subjectNames;
  private boolean isKey;
  private boolean autoRegister;
  private boolean useLatestVersion;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  private final Map<String, Integer> latestIds = new ConcurrentHashMap<>();

  public AvroSerializer() {}

  /** A serializer sharing an existing client (and its cache); still needs {@link #configure}. */
  public AvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    if (client == null) {
      client = new SchemaRegistryClient(config.registryClientConfig());
    }
    this.isKey = isKey;
    this.subjectNames = config.subjectNameStrategy(isKey);
    this.autoRegister = config.getBoolean(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
    this.useLatestVersion = config.getBoolean(AvroSerdeConfig.USE_LATEST_VERSION);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof GenericContainer record)) {
      throw new SerializationException("AvroSerializer takes Avro records, not " + data.getClass().getName());
    }
    if (client == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    Schema schema = record.getSchema();
    int id = schemaId(subjectNames.subject(topic, isKey, schema), schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    out.write(new byte[WireFormat.HEADER_SIZE], 0, WireFormat.HEADER_SIZE);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writers.computeIfAbsent(schema, s -> writerFor(record)).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
    }
    byte[] payload = out.toByteArray();
    WireFormat.writeHeader(payload, id);
    return payload;
  }

  private int schemaId(String subject, Schema schema) {
    try {
      if (autoRegister) {
        return client.register(subject, schema);
      }
      if (useLatestVersion) {
        return latestIds.computeIfAbsent(subject, s -> client.latest(s).id());
      }
      return client.lookup(subject, schema);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Cannot " + (autoRegister ? "register" : "look up") + " the schema of "
          + schema.getFullName() + " under subject " + subject + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static DatumWriter<Object> writerFor(GenericContainer record) {
    Schema schema = record.getSchema();
    if (record instanceof SpecificRecord) {
      return new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()));
    }
    return new GenericDatumWriter<>(schema, GenericData.get());
  }
}
