package io.lodestone.producers.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.schemas.IngestChannel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A JSON Lines file of reports read in order, one line at a time, for the commands that take one file
 * as their input ({@code ./lodestone process}, the bench's {@code --corpus}). Each line is read as bytes
 * and checked as {@code ./lodestone ingest} checks it, so a line that is too long, not UTF-8, not JSON or
 * not a valid report is rejected alone, with its reason, and the lines after it are still read.
 */
public final class JsonLinesFile {
  private JsonLinesFile() {}

  /**
   * One non-blank line: its number, the JSON object it holds (null when it holds none) and the report
   * parsed from it, or why it was rejected.
   */
  public record Entry(long line, ObjectNode json, JsonReportParser.Parsed parsed) {
    /** Why the line was rejected, as the commands print it: {@code reports.jsonl:7: rejected: not valid UTF-8}. */
    public String rejection(Path file) {
      return file + ":" + line + ": rejected: " + String.join("; ", parsed.reasons());
    }
  }

  /** Calls {@code entries} with each non-blank line of the file, in order. */
  public static void read(Path file, JsonReportParser parser, Consumer<Entry> entries) throws IOException {
    int maxLineBytes = maxLineBytes(parser.maxReportBytes());
    Instant fetchedAt = Instant.now();
    try (LineReader lines = new LineReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), maxLineBytes)) {
      long number = 0;
      LineReader.Line line;
      while ((line = lines.next()) != null) {
        number++;
        if (line.tooLong()) {
          entries.accept(new Entry(number, null, JsonReportParser.Parsed.rejected(tooLong(maxLineBytes))));
        } else if (!LineReader.isBlank(line.bytes())) {
          entries.accept(entry(number, line.bytes(), parser, fetchedAt));
        }
      }
    }
  }

  private static Entry entry(long number, byte[] bytes, JsonReportParser parser, Instant fetchedAt) throws IOException {
    JsonNode json;
    try {
      json = JsonReportParser.readJson(bytes);
    } catch (JsonProcessingException e) {
      return new Entry(number, null, JsonReportParser.notJson(e));
    }
    JsonReportParser.Parsed parsed = parser.parse(json, IngestChannel.FILE, fetchedAt);
    return new Entry(number, json instanceof ObjectNode object ? object : null, parsed);
  }

  /** The longest line read for reports of at most {@code maxReportBytes}: JSON escapes can make a line several times longer than its text. */
  static int maxLineBytes(int maxReportBytes) {
    return (int) Math.min(Integer.MAX_VALUE - 16, 6L * maxReportBytes + 64 * 1024);
  }

  static String tooLong(int maxLineBytes) {
    return String.format("line is longer than %,d bytes; not read", maxLineBytes);
  }
}
