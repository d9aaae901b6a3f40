package io.lodestone.streams.offline;

import io.lodestone.schemas.serde.TrustedClasses;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (a 2-byte marker and the schema's 64-bit fingerprint before the binary
 * record) for running the topology without a schema registry: offline processing and topology tests.
 * Bytes that are not such a record of the expected schema raise a {@link SerializationException}.
 */
public final class EmbeddedAvroSerde<T extends SpecificRecord> implements Serde<T> {
  static {
    TrustedClasses.install();
  }

  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final String typeName;

  public EmbeddedAvroSerde(Class<T> type) {
    SpecificData model = SpecificData.getForClass(type);
    this.encoder = new BinaryMessageEncoder<>(model, model.getSchema(type));
    this.decoder = new BinaryMessageDecoder<>(model, model.getSchema(type));
    this.typeName = type.getSimpleName();
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        ByteBuffer buffer = encoder.encode(value);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("cannot encode " + typeName + " for topic " + topic + ": " + e.getMessage(), e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return decoder.decode(bytes);
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("not a " + typeName + " record on topic " + topic + " (" + bytes.length
            + " bytes): " + e.getMessage(), e);
      }
    };
  }
}
