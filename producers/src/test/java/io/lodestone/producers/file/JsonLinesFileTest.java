package io.lodestone.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileTest {
  @TempDir
  Path dir;

  @Test
  void eachBadLineIsRejectedAloneWithItsReasonAndTheRestAreRead() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(line("{\"url\":\"https://example.com/1\",\"title\":\"One\",\"body\":\"First.\"}"));
    file.writeBytes("{\"url\":\"https://example.com/2\",\"title\":\"caf".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(new byte[] {(byte) 0xE9}); // Latin-1 é: not UTF-8
    file.writeBytes(line("\",\"body\":\"Second.\"}"));
    file.writeBytes(line("not json"));
    file.writeBytes(line("  "));
    file.writeBytes(line("[1, 2]"));
    file.writeBytes(line("{\"url\":\"https://example.com/3\",\"title\":\"" + "x".repeat(100) + "\"}"));
    file.writeBytes(line("{\"url\":\"https://example.com/4\",\"title\":\"Four\",\"body\":\"Last.\"}"));
    Path jsonl = Files.write(dir.resolve("reports.jsonl"), file.toByteArray());
    List<JsonLinesFile.Entry> entries = new ArrayList<>();

    JsonLinesFile.read(jsonl, new JsonReportParser(10), entries::add);

    assertThat(entries).extracting(JsonLinesFile.Entry::line).containsExactly(1L, 2L, 3L, 5L, 6L, 7L);
    assertThat(entries.get(0).parsed().report().getTitle()).isEqualTo("One");
    assertThat(entries.get(0).json().get("title").asText()).isEqualTo("One");
    assertThat(entries.get(1).rejection(jsonl)).isEqualTo(jsonl + ":2: rejected: not valid UTF-8");
    assertThat(entries.get(2).parsed().reasons()).singleElement().asString().startsWith("not valid JSON: ");
    assertThat(entries.get(3).parsed().reasons()).containsExactly("expected a JSON object");
    assertThat(entries.get(3).json()).isNull();
    assertThat(entries.get(4).parsed().ok()).as("longer than 10 bytes of text, but within the line limit").isFalse();
    assertThat(entries.get(5).parsed().report().getTitle()).isEqualTo("Four");
  }

  @Test
  void twoReportsOnOneLineAreRejectedTogetherNotCutToTheFirst() throws Exception {
    Path jsonl = Files.write(dir.resolve("two.jsonl"), line("{\"title\":\"One\",\"body\":\"a\"} {\"title\":\"Two\",\"body\":\"b\"}"));
    List<JsonLinesFile.Entry> entries = new ArrayList<>();

    JsonLinesFile.read(jsonl, new JsonReportParser(1000), entries::add);

    assertThat(entries).singleElement().satisfies(entry ->
        assertThat(entry.rejection(jsonl)).isEqualTo(jsonl + ":1: rejected: holds more than one JSON value"));
  }

  @Test
  void aLineInUtf16IsRejectedAsNotUtf8NotGuessedAsAnotherEncoding() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE}); // a UTF-16LE byte-order mark
    file.writeBytes("{\"title\":\"One\"}".getBytes(StandardCharsets.UTF_16LE));
    file.writeBytes(line(""));
    file.writeBytes(line("{\"title\":\"Two\",\"body\":\"b\"}"));
    Path jsonl = Files.write(dir.resolve("utf16.jsonl"), file.toByteArray());
    List<JsonLinesFile.Entry> entries = new ArrayList<>();

    JsonLinesFile.read(jsonl, new JsonReportParser(1000), entries::add);

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).rejection(jsonl)).isEqualTo(jsonl + ":1: rejected: not valid UTF-8");
    assertThat(entries.get(1).parsed().report().getTitle()).isEqualTo("Two");
  }

  @Test
  void aLineLongerThanTheLimitIsNotRead() throws Exception {
    Path jsonl = Files.write(dir.resolve("long.jsonl"), line("{\"title\":\"" + "x".repeat(JsonLinesFile.maxLineBytes(10)) + "\"}"));
    List<JsonLinesFile.Entry> entries = new ArrayList<>();

    JsonLinesFile.read(jsonl, new JsonReportParser(10), entries::add);

    assertThat(entries).singleElement().satisfies(entry ->
        assertThat(entry.parsed().reasons()).containsExactly(JsonLinesFile.tooLong(JsonLinesFile.maxLineBytes(10))));
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
