package io.lodestone.schemas.serde;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka {@link Serde} of Avro records in the Confluent wire format. */
public class AvroSerde<T> implements Serde<T> {
  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  /** A generic serde: GenericRecords, or SpecificRecords with {@code specific.avro.reader=true}. */
  public AvroSerde() {
    this(new AvroSerializer<>(), new AvroDeserializer<>());
  }

  private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
  }

  /** A serde of one generated record type; both sides share the client's schema cache. */
  public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient client) {
    return new AvroSerde<>(new AvroSerializer<>(client), new AvroDeserializer<>(client, type));
  }

  /** A configured serde of one generated record type with its own registry client. */
  public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, Map<String, ?> config, boolean isKey) {
    AvroSerde<T> serde = specific(type, new SchemaRegistryClient(new AvroSerdeConfig(config).registryClientConfig()));
    serde.configure(config, isKey);
    return serde;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
