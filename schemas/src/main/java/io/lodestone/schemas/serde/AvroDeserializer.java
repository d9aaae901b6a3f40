package io.lodestone.schemas.serde;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes Confluent-framed Avro records, fetching the writer's schema by id (cached). With
 * {@code specific.avro.reader=true}, or a reader class given to the constructor, returns generated
 * SpecificRecords, resolving the writer's schema against the reader's (schema evolution); otherwise
 * GenericRecords. A payload that is not framed, names an unknown schema id, or is truncated or corrupt
 * raises a {@link SerializationException} that says which. A registry that cannot be reached raises a
 * {@link SchemaRegistryException} instead: that is an outage, not a bad record. Thread-safe.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  static {
    TrustedClasses.install();
  }

  private SchemaRegistryClient client;
  private boolean specificReader;
  private final Schema fixedReaderSchema;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  public AvroDeserializer() {
    this(null, null);
  }

  /** A deserializer that always reads into {@code readerClass}, resolving older or newer writer schemas. */
  public AvroDeserializer(SchemaRegistryClient client, Class<T> readerClass) {
    this.client = client;
    this.fixedReaderSchema = readerClass == null ? null : SpecificData.get().getSchema(readerClass);
    this.specificReader = readerClass != null;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    if (client == null) {
      client = new SchemaRegistryClient(config.registryClientConfig());
    }
    specificReader = fixedReaderSchema != null || config.getBoolean(AvroSerdeConfig.SPECIFIC_AVRO_READER);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    int id = WireFormat.schemaId(topic, payload);
    DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, null);
    try {
      Object value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new IOException("bytes left over after the record");
      }
      return (T) value;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot decode Avro record of schema id " + id + " on topic " + topic
          + " (truncated or corrupt payload of " + payload.length + " bytes): " + describe(e), e);
    }
  }

  private DatumReader<Object> readerFor(int id) {
    Schema writer;
    try {
      writer = client.schemaById(id);
    } catch (SchemaRegistryException.SchemaNotFoundException e) {
      throw new SerializationException("Unknown schema id " + id + ": the registry has no such schema", e);
    }
    if (!specificReader) {
      return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
    Schema reader = fixedReaderSchema != null ? fixedReaderSchema : specificSchemaOf(writer, id);
    return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
  }

  private static Schema specificSchemaOf(Schema writer, int id) {
    Class<?> type = SpecificData.get().getClass(writer);
    if (type == null) {
      throw new SerializationException("No generated class " + writer.getFullName() + " on the class path for schema id "
          + id + "; set specific.avro.reader=false to read GenericRecords");
    }
    return SpecificData.get().getSchema(type);
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
