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
 * Version 2 of a remembered report adds its number of different shingles at the end; version 1 values,
 * written before, still read (as an unknown number, 0), so stores and changelogs need no migration.
 */
public final class DedupStateSerdes {
  private static final byte FIRST_VERSION = 1;
  private static final byte REPORT_VERSION = 2;
  private static final byte STORY_VERSION = 1;

  private DedupStateSerdes() {}

  public static Serde<RememberedReport> rememberedReport() {
    return Serdes.serdeFrom((topic, report) -> report == null ? null : write(REPORT_VERSION, out -> {
      out.writeUTF(report.storyId());
      out.writeUTF(report.fingerprint());
      out.writeShort(report.signature().length);
      ByteBuffer bins = ByteBuffer.allocate(report.signature().length * 2);
      bins.asCharBuffer().put(report.signature());
      out.write(bins.array());
      out.writeInt(report.shingles());
    }), (topic, bytes) -> bytes == null ? null : read(bytes, REPORT_VERSION, (in, version) -> {
      String storyId = in.readUTF();
      String fingerprint = in.readUTF();
      char[] signature = new char[in.readUnsignedShort()];
      byte[] bins = new byte[signature.length * 2];
      in.readFully(bins);
      ByteBuffer.wrap(bins).asCharBuffer().get(signature);
      return new RememberedReport(storyId, fingerprint, signature, version == FIRST_VERSION ? 0 : in.readInt());
    }));
  }

  public static Serde<StoryState> storyState() {
    return Serdes.serdeFrom((topic, story) -> story == null ? null : write(STORY_VERSION, out -> {
      out.writeLong(story.canonicalIndexDate());
      out.writeInt(story.duplicateCount());
      out.writeShort(story.sourcesSeen().size());
      for (String source : story.sourcesSeen()) {
        out.writeUTF(source);
      }
    }), (topic, bytes) -> bytes == null ? null : read(bytes, STORY_VERSION, (in, version) -> {
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
    T read(DataInputStream in, byte version) throws IOException;
  }

  private static byte[] write(byte version, Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1200);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(version);
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads a value of any version from the first to {@code latest}. */
  private static <T> T read(byte[] bytes, byte latest, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version < FIRST_VERSION || version > latest) {
        throw new SerializationException("unknown dedup state format version " + version);
      }
      return reader.read(in, version);
    } catch (IOException e) {
      throw new SerializationException("corrupt dedup state value of " + bytes.length + " bytes", e);
    }
  }
}
