package io.lodestone.schemas.serde;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes Confluent-framed Avro records, fetching the writer's schema by id (cached). Reads into
 * the reader given in code (a generated class, or a schema for GenericRecords), else, with
 * {@code specific.avro.reader=true}, into the generated class named like the writer's schema, else into
 * GenericRecords of the writer's schema; a writer schema that differs from the reader's is resolved
 * against it (schema evolution).
 *
 * <p>A record that cannot be read raises {@link SerializationException} naming the problem: wrong magic
 * byte, unknown schema id, truncated or corrupt payload, writer schema unreadable as the reader's. A
 * registry that cannot be reached, or refuses the client, raises {@link SchemaRegistryException}
 * instead: the record may be fine, and sending it to the dead-letter topic would lose it. Thread-safe.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  static {
    TrustedClasses.install();
  }

  private SchemaRegistryClient client;
  /** The reader's schema chosen in code, or null to follow the writer's. */
  private final Schema readerSchema;
  private final boolean readerFixed;
  private boolean specific;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  /** A deserializer configured by {@code specific.avro.reader}. */
  public AvroDeserializer() {
    this(null, null, false);
  }

  /** A deserializer that always reads into {@code readerClass}, resolving older or newer writer schemas. */
  public AvroDeserializer(SchemaRegistryClient client, Class<T> readerClass) {
    this(client, SpecificData.get().getSchema(readerClass), true);
  }

  private AvroDeserializer(SchemaRegistryClient client, Schema readerSchema, boolean specific) {
    this.client = client;
    this.readerSchema = readerSchema;
    this.readerFixed = readerSchema != null;
    this.specific = specific;
  }

  /** A deserializer of GenericRecords of {@code readerSchema}, resolving older or newer writer schemas. */
  public static AvroDeserializer<GenericRecord> generic(SchemaRegistryClient client, Schema readerSchema) {
    return new AvroDeserializer<>(client, readerSchema, false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    if (client == null) {
      client = new SchemaRegistryClient(config.registryClientConfig());
    }
    if (!readerFixed) {
      specific = config.getBoolean(AvroSerdeConfig.SPECIFIC_AVRO_READER);
    }
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
    DatumReader<Object> reader = readers.get(id);
    if (reader == null) {
      reader = readerFor(id, topic);
      readers.putIfAbsent(id, reader);
    }
    int bodySize = payload.length - WireFormat.HEADER_SIZE;
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, WireFormat.HEADER_SIZE, bodySize, null);
    Object value;
    int leftOver;
    try {
      value = reader.read(null, decoder);
      leftOver = decoder.isEnd() ? 0 : decoder.inputStream().available();
    } catch (EOFException e) {
      throw new SerializationException("Truncated Avro record of schema id " + id + " on topic " + topic
          + ": its " + bodySize + " bytes end before the record does (" + e.getMessage() + ")", e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Corrupt Avro record of schema id " + id + " on topic " + topic + " ("
          + bodySize + " bytes): " + describe(e), e);
    }
    if (leftOver > 0) {
      throw new SerializationException("Corrupt Avro record of schema id " + id + " on topic " + topic + ": "
          + leftOver + " of its " + bodySize + " bytes are left over after the record");
    }
    return (T) value;
  }

  private DatumReader<Object> readerFor(int id, String topic) {
    Schema writer = writerSchema(id, topic);
    Schema reader = readerFixed ? readerSchema : specific ? generatedSchemaOf(writer, id) : writer;
    if (reader != writer) {
      requireReadable(reader, writer, id, topic);
    }
    return specific ? new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader))
        : new GenericDatumReader<>(writer, reader, GenericData.get());
  }

  /** Fails once, when the reader is built, rather than at some field of some record. */
  private static void requireReadable(Schema reader, Schema writer, int id, String topic) {
    List<Incompatibility> incompatibilities =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities();
    if (!incompatibilities.isEmpty()) {
      Incompatibility first = incompatibilities.get(0);
      throw new SerializationException("Records of schema id " + id + " on topic " + topic + " cannot be read as "
          + reader.getFullName() + ": " + first.getType() + " at " + first.getLocation() + " (" + first.getMessage() + ")");
    }
  }

  /** Unknown and unusable ids are faults of the record; other registry failures are not. */
  private Schema writerSchema(int id, String topic) {
    try {
      return client.schemaById(id);
    } catch (SchemaRegistryException.SchemaNotFoundException e) {
      throw new SerializationException("Unknown schema id " + id + " on topic " + topic
          + ": the schema registry has no such schema", e);
    } catch (SchemaParseException e) {
      throw new SerializationException("Schema id " + id + " on topic " + topic + " cannot be used: " + e.getMessage(), e);
    }
  }

  private static Schema generatedSchemaOf(Schema writer, int id) {
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
