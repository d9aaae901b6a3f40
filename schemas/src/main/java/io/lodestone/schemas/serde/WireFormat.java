package io.lodestone.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** The schema id of a framed payload, after checking its header. */
  public static int schemaId(String topic, byte[] payload) {
    if (payload.length < HEADER_SIZE) {
      throw new SerializationException("Record of " + payload.length + " bytes on topic " + topic
          + " is too short for the Confluent wire format (magic byte + 4-byte schema id + Avro data)");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new SerializationException(String.format(
          "Unknown magic byte 0x%02x on topic %s: not a Confluent-framed Avro record", payload[0], topic));
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  static void writeHeader(byte[] target, int schemaId) {
    target[0] = MAGIC_BYTE;
    target[1] = (byte) (schemaId >>> 24);
    target[2] = (byte) (schemaId >>> 16);
    target[3] = (byte) (schemaId >>> 8);
    target[4] = (byte) schemaId;
  }
}
