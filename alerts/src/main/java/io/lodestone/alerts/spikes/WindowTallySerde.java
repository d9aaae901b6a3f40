package io.lodestone.alerts.spikes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link WindowTally} for the detector's own state store and changelog: JSON, since nobody
 * outside the topology reads it and it needs no registered schema.
 */
public final class WindowTallySerde {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WindowTallySerde() {}

  public static Serde<WindowTally> create() {
    Serializer<WindowTally> serializer = (topic, tally) -> {
      try {
        return tally == null ? null : JSON.writeValueAsBytes(tally);
      } catch (IOException e) {
        throw new SerializationException("cannot write a window tally: " + e.getMessage(), e);
      }
    };
    Deserializer<WindowTally> deserializer = (topic, bytes) -> {
      try {
        return bytes == null ? null : JSON.readValue(bytes, WindowTally.class);
      } catch (IOException e) {
        throw new SerializationException("cannot read a window tally: " + e.getMessage(), e);
      }
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
