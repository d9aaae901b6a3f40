package io.lodestone.schemas.serde;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryClient.SchemaVersion;
import io.lodestone.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro records (generated SpecificRecords or GenericRecords) in the Confluent wire format,
 * registering or looking up the writer's schema in the registry. Configured with Confluent's keys
 * ({@link AvroSerdeConfig}); a drop-in for {@code io.confluent.kafka.serializers.KafkaAvroSerializer}.
 * A record that cannot be encoded raises {@link SerializationException}; a registry that refuses the
 * schema or cannot be reached raises {@link SchemaRegistryException}, since no other record of that
 * type could be written either. Thread-safe.
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
  private final Map<String, Map<Schema, Integer>> latestIds = new ConcurrentHashMap<>();

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
    DatumWriter<Object> writer = writers.computeIfAbsent(schema, s -> writerFor(record));
    try {
      return Encoding.encode(id, writer, data);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode " + schema.getFullName() + " for topic " + topic + ": "
          + e.getMessage(), e);
    }
  }

  private int schemaId(String subject, Schema schema) {
    if (autoRegister) {
      return client.register(subject, schema);
    }
    if (useLatestVersion) {
      return latestIds.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
          .computeIfAbsent(schema, s -> latestId(subject, s));
    }
    return client.lookup(subject, schema);
  }

  /**
   * The latest version's id labels bytes written with the record's own schema, so both must encode
   * alike (same parsing canonical form); otherwise readers would decode garbage.
   */
  private int latestId(String subject, Schema schema) {
    SchemaVersion latest = client.latest(subject);
    if (SchemaNormalization.parsingFingerprint64(latest.schema()) != SchemaNormalization.parsingFingerprint64(schema)) {
      throw new IllegalStateException("use.latest.version is set but version " + latest.version() + " (id "
          + latest.id() + ") of subject " + subject + " does not encode like " + schema.getFullName()
          + "; generate the classes from that version or set use.latest.version=false");
    }
    return latest.id();
  }

  private static DatumWriter<Object> writerFor(GenericContainer record) {
    Schema schema = record.getSchema();
    if (record instanceof SpecificRecord) {
      return new SpecificDatumWriter<>(schema, withCustomCoders(SpecificData.getForClass(record.getClass())));
    }
    return new GenericDatumWriter<>(schema, GenericData.get());
  }

  /**
   * Generated classes without logical types carry unrolled encoders (customEncode), which Avro uses only
   * when the model enables them: about 25% off encoding the benchmark's report. The generated model is
   * shared by every user of the class, so a private copy is enabled rather than the shared one changed.
   * (Their customDecode counterparts are not used: they size arrays from the payload's item count
   * without Avro's guard, so a corrupt count could exhaust the heap.)
   */
  private static SpecificData withCustomCoders(SpecificData generated) {
    SpecificData model = new SpecificData(generated.getClassLoader());
    generated.getConversions().forEach(model::addLogicalTypeConversion);
    model.setCustomCoders(true);
    return model;
  }
}
