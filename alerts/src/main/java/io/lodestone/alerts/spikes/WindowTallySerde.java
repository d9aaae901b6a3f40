package io.lodestone.alerts.spikes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of a {@link WindowTally}: a format byte, the count, then each sampled report id as its UTF-8 length
 * and bytes. Every spike key of every report reads and writes its window's tally (the window store, its cache and
 * the suppression buffer keep values as bytes), and with 20 sampled ids, URLs, as JSON that was a sixth of the alerts
 * app's CPU. Values written as JSON before this format, still in stores and changelogs of a running app, are read
 * as JSON.
 */
public final class WindowTallySerde {
  private static final byte FORMAT = 1;
  /** The first byte of a JSON object: a value written by the earlier JSON serde. */
  private static final byte JSON_OBJECT = '{';
  private static final Deserializer<WindowTally> JSON = JsonSerde.of(WindowTally.class).deserializer();

  private WindowTallySerde() {}

  public static Serde<WindowTally> serde() {
    return Serdes.serdeFrom(serializer(), deserializer());
  }

  private static Serializer<WindowTally> serializer() {
    return (topic, tally) -> {
      if (tally == null) {
        return null;
      }
      List<byte[]> ids = new ArrayList<>(tally.sampleReportIds().size());
      int size = 1 + Long.BYTES + Integer.BYTES;
      for (String id : tally.sampleReportIds()) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        ids.add(utf8);
        size += Integer.BYTES + utf8.length;
      }
      ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT).putLong(tally.count()).putInt(ids.size());
      for (byte[] id : ids) {
        out.putInt(id.length).put(id);
      }
      return out.array();
    };
  }

  private static Deserializer<WindowTally> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length > 0 && bytes[0] == JSON_OBJECT) {
        return JSON.deserialize(topic, bytes);
      }
      try {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != FORMAT) {
          throw new SerializationException("unknown window tally format " + bytes[0]);
        }
        long count = in.getLong();
        int samples = in.getInt();
        List<String> ids = new ArrayList<>(Math.min(samples, bytes.length));
        for (int i = 0; i < samples; i++) {
          int length = in.getInt();
          ids.add(new String(bytes, in.position(), length, StandardCharsets.UTF_8));
          in.position(in.position() + length);
        }
        return new WindowTally(count, ids);
      } catch (RuntimeException e) {
        if (e instanceof SerializationException known) {
          throw known;
        }
        throw new SerializationException("corrupt window tally of " + bytes.length + " bytes", e);
      }
    };
  }
}
