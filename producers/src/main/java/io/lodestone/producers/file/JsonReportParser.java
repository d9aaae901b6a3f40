package io.lodestone.producers.file;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lodestone.producers.id.ReportIds;
import io.lodestone.producers.id.UrlCanonicalizer;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one report from JSON, the format of JSONL files and of the HTTP ingest API. Fields:
 * {@code url}, {@code title}, {@code body} (at least one of title and body must be non-empty),
 * {@code summary}, {@code source} (a name, or an object with {@code name}, {@code domain},
 * {@code feed_url}), {@code authors} (array or string), {@code language}, {@code published_at}
 * (ISO-8601 instant or date, or epoch milliseconds), {@code tags}, {@code content_type}. Other fields
 * are ignored. Every problem of a report is collected, so that a rejection names them all.
 */
public final class JsonReportParser {
  /** One JSON value per input: without the trailing-token check, a second report on the same line would be dropped unseen. */
  private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final int maxReportBytes;

  public JsonReportParser(int maxReportBytes) {
    this.maxReportBytes = maxReportBytes;
  }

  int maxReportBytes() {
    return maxReportBytes;
  }

  /** What is wrong with one field of a report ({@code field} is null for the report as a whole). */
  public record Problem(String field, String message) {
    @Override
    public String toString() {
      return field == null ? message : field + ": " + message;
    }
  }

  /** A report, or the reasons there is none. */
  public record Parsed(NewsReport report, List<Problem> problems) {
    public boolean ok() {
      return report != null;
    }

    /** The problems as sentences, e.g. "url: not an absolute http(s) URL: ftp://x". */
    public List<String> reasons() {
      return problems.stream().map(Problem::toString).toList();
    }

    static Parsed rejected(String reason) {
      return rejected(List.of(new Problem(null, reason)));
    }

    static Parsed rejected(List<Problem> problems) {
      return new Parsed(null, List.copyOf(problems));
    }
  }

  public Parsed parse(String json, IngestChannel channel, Instant fetchedAt) {
    try {
      return parse(JSON.readTree(json), channel, fetchedAt);
    } catch (JsonProcessingException e) {
      return notJson(e);
    }
  }

  /** Parses UTF-8 JSON without decoding it to a String first (the file importer's hot path). */
  public Parsed parse(byte[] utf8Json, IngestChannel channel, Instant fetchedAt) {
    try {
      return parse(readJson(utf8Json), channel, fetchedAt);
    } catch (JsonProcessingException e) {
      return notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The one JSON value of UTF-8 bytes, for every reader of reports (files and the HTTP API); fails on anything
   * after it, see {@link #moreThanOneValue}.
   */
  public static JsonNode readJson(byte[] utf8Json) throws IOException {
    int notUtf8 = utf16Or32Marker(utf8Json);
    if (notUtf8 >= 0) {
      throw new JsonParseException(null, String.format("Invalid UTF-8 start byte 0x%02x (UTF-16 or UTF-32 text?)", notUtf8));
    }
    return JSON.readTree(utf8Json);
  }

  /**
   * The first byte among the first four that would make Jackson read the input as UTF-16 or UTF-32 (a byte-order
   * mark, or the zero bytes of a wide encoding), or -1. Jackson guesses the encoding from them, which turns one such
   * JSON Lines line into garbled characters rather than a "not valid UTF-8" rejection; none of these bytes can start
   * valid UTF-8 JSON.
   */
  private static int utf16Or32Marker(byte[] json) {
    for (int i = 0; i < Math.min(4, json.length); i++) {
      int b = json[i] & 0xFF;
      if (b == 0x00 || b == 0xFE || b == 0xFF) {
        return b;
      }
    }
    return -1;
  }

  /** Whether {@link #readJson} failed because a second value followed the first. */
  public static boolean moreThanOneValue(JsonProcessingException e) {
    return e instanceof MismatchedInputException && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Trailing token");
  }

  static Parsed notJson(JsonProcessingException e) {
    if (moreThanOneValue(e)) {
      return Parsed.rejected("holds more than one JSON value");
    }
    String message = e.getOriginalMessage();
    return Parsed.rejected(List.of(new Problem(null, message != null && message.startsWith("Invalid UTF-8")
        ? "not valid UTF-8" : "not valid JSON: " + message)));
  }

  public Parsed parse(JsonNode node, IngestChannel channel, Instant fetchedAt) {
    if (node == null || !node.isObject()) {
      return Parsed.rejected(List.of(new Problem(null, "expected a JSON object")));
    }
    List<Problem> problems = new ArrayList<>();
    String url = text(node, "url", problems);
    String title = Optional.ofNullable(text(node, "title", problems)).orElse("");
    String body = Optional.ofNullable(text(node, "body", problems)).orElse("");
    String canonicalUrl = null;
    if (url != null && !url.isBlank()) {
      canonicalUrl = UrlCanonicalizer.canonicalize(url).orElse(null);
      if (canonicalUrl == null) {
        problems.add(new Problem("url", "not an absolute http(s) URL: " + abbreviate(url)));
      }
    }
    if (title.isBlank() && body.isBlank()) {
      problems.add(new Problem("title", "title and body are both empty"));
    }
    Source source = source(node.get("source"), canonicalUrl, problems);
    Instant publishedAt = instant(node.get("published_at"), problems);
    List<String> authors = strings(node, "authors", problems);
    List<String> tags = strings(node, "tags", problems);
    String summary = text(node, "summary", problems);
    String language = text(node, "language", problems);
    String contentType = text(node, "content_type", problems);
    long size = (long) title.length() + body.length() + (summary == null ? 0 : summary.length());
    if (size > maxReportBytes / 4 && utf8Length(title, body, summary) > maxReportBytes) {
      problems.add(new Problem("body", String.format("report is %,d bytes of text; the limit is %,d (max.report.bytes)",
          utf8Length(title, body, summary), maxReportBytes)));
    }
    if (!problems.isEmpty()) {
      return Parsed.rejected(problems);
    }
    String id = canonicalUrl != null ? ReportIds.fromCanonicalUrl(canonicalUrl) : ReportIds.fromContent(title, body);
    return new Parsed(NewsReport.newBuilder()
        .setId(id).setUrl(url).setCanonicalUrl(canonicalUrl).setSource(source)
        .setTitle(title).setBody(body).setSummary(summary).setAuthors(authors)
        .setLanguage(language == null || language.isBlank() ? null : language.strip())
        .setPublishedAt(publishedAt).setFetchedAt(fetchedAt).setChannel(channel)
        .setContentType(contentType == null ? "application/json" : contentType).setTags(tags)
        .build(), List.of());
  }

  private static Source source(JsonNode node, String canonicalUrl, List<Problem> problems) {
    String host = canonicalUrl == null ? null : UrlCanonicalizer.hostOfCanonical(canonicalUrl);
    String domain = host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
    Source.Builder source = Source.newBuilder().setName("").setDomain(domain);
    if (node == null || node.isNull()) {
      return source.setName(domain == null ? "" : domain).build();
    }
    if (node.isTextual()) {
      return source.setName(node.asText().strip()).build();
    }
    if (node.isObject()) {
      source.setName(Optional.ofNullable(text(node, "name", problems)).orElse(domain == null ? "" : domain));
      Optional.ofNullable(text(node, "domain", problems)).ifPresent(source::setDomain);
      Optional.ofNullable(text(node, "feed_url", problems)).ifPresent(source::setFeedUrl);
      return source.build();
    }
    problems.add(new Problem("source", "expected a name or an object with name, domain, feed_url"));
    return source.build();
  }

  private static String text(JsonNode node, String field, List<Problem> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new Problem(field, "expected a string, got " + value.getNodeType().name().toLowerCase()));
      return null;
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode node, String field, List<Problem> problems) {
    JsonNode value = node.get(field);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isTextual()) {
      out.add(value.asText());
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        if (item.isTextual()) {
          out.add(item.asText());
        } else {
          problems.add(new Problem(field, "every item must be a string"));
          break;
        }
      }
    } else {
      problems.add(new Problem(field, "expected an array of strings"));
    }
    return out;
  }

  static Instant instant(JsonNode value, List<Problem> problems) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    if (!value.isTextual()) {
      problems.add(new Problem("published_at", "expected an ISO-8601 date-time, a date, or epoch milliseconds"));
      return null;
    }
    String text = value.asText().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        try {
          return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          problems.add(new Problem("published_at", "cannot read \"" + abbreviate(text) + "\" as an ISO-8601 date-time"));
          return null;
        }
      }
    }
  }

  private static int utf8Length(String... texts) {
    int length = 0;
    for (String text : texts) {
      length += text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
    return length;
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
