package io.lodestone.streams.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary formats of the deduplicator's state-store values (a version byte, then the fields):
 * internal to the topology, so they need no schema registry, and a signature costs 2 bytes per bin.
 */
public final class DedupStateSerdes {
  private static final byte VERSION = 1;

  private DedupStateSerdes() {}

  public static Serde<RememberedReport> rememberedReport() {
    return Serdes.serdeFrom((topic, report) -> report == null ? null : write(out -> {
      out.writeUTF(report.storyId());
      out.writeUTF(report.fingerprint());
      out.writeShort(report.signature().length);
      ByteBuffer bins = ByteBuffer.allocate(report.signature().length * 2);
      bins.asCharBuffer().put(report.signature());
      out.write(bins.array());
    }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
      String storyId = in.readUTF();
      String fingerprint = in.readUTF();
      char[] signature = new char[in.readUnsignedShort()];
      byte[] bins = new byte[signature.length * 2];
      in.readFully(bins);
      ByteBuffer.wrap(bins).asCharBuffer().get(signature);
      return new RememberedReport(storyId, fingerprint, signature);
    }));
  }

  public static Serde<StoryState> storyState() {
    return Serdes.serdeFrom((topic, story) -> story == null ? null : write(out -> {
      out.writeLong(story.canonicalIndexDate());
      out.writeInt(story.duplicateCount());
      out.writeShort(story.sourcesSeen().size());
      for (String source : story.sourcesSeen()) {
        out.writeUTF(source);
      }
    }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
      long indexDate = in.readLong();
      int duplicates = in.readInt();
      int count = in.readUnsignedShort();
      List<String> sources = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        sources.add(in.readUTF());
      }
      return new StoryState(indexDate, duplicates, List.copyOf(sources));
    }));
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1200);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] bytes, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown dedup state format version " + version);
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new SerializationException("corrupt dedup state value of " + bytes.length + " bytes", e);
    }
  }
}
