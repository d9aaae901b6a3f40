package io.lodestone.producers.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lodestone.core.config.YamlProblem;
import io.lodestone.producers.text.ArticleExtractor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * Reads a one-report file (plain text, Markdown, HTML) into the JSON fields {@link JsonReportParser}
 * validates, so that every channel applies the same rules.
 *
 * <p>Text and Markdown may start with YAML front matter between {@code ---} lines holding any JSONL
 * field ({@code url}, {@code title}, {@code source}, {@code published_at} or {@code date},
 * {@code language}, {@code authors}, {@code tags}, {@code summary}). Without a title there, the first
 * non-blank line is the title (a Markdown heading's {@code #} removed) and the rest is the body.
 * HTML: title, canonical URL, publication time, language and description from the page's metadata,
 * body from its main text ({@link ArticleExtractor}); the file's own charset declaration is honoured.
 */
final class DocumentReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DocumentReader() {}

  /** The report fields of the file, or a one-sentence reason it has none. */
  static Result read(Path file, ReportFileFormat format) throws IOException {
    return switch (format) {
      case TEXT, MARKDOWN -> text(file, format);
      case HTML -> html(file);
      case JSONL -> throw new IllegalArgumentException("JSON Lines files hold many reports; read them line by line");
    };
  }

  /** Fields of a report, or why there are none. */
  record Result(ObjectNode fields, String problem) {
    static Result of(ObjectNode fields) {
      return new Result(fields, null);
    }

    static Result problem(String problem) {
      return new Result(null, problem);
    }
  }

  private static Result text(Path file, ReportFileFormat format) throws IOException {
    String content;
    try {
      content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      return Result.problem("not valid UTF-8");
    }
    content = content.replace("\r\n", "\n");
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    String rest = content;
    if (content.startsWith("---\n")) {
      int end = content.indexOf("\n---", 4);
      if (end < 0) {
        return Result.problem("front matter starts with --- but never ends");
      }
      Optional<ObjectNode> frontMatter;
      try {
        frontMatter = frontMatter(content.substring(4, end));
      } catch (JsonProcessingException e) {
        // lines counted in the file: the front matter starts on its second line
        return Result.problem("front matter is not valid YAML: " + YamlProblem.describe(e, 2));
      }
      if (frontMatter.isEmpty()) {
        return Result.problem("front matter must be YAML fields (name: value)");
      }
      fields.setAll(frontMatter.get());
      int bodyStart = content.indexOf('\n', end + 4);
      rest = bodyStart < 0 ? "" : content.substring(bodyStart + 1);
    }
    if (!fields.hasNonNull("published_at") && fields.hasNonNull("date")) {
      fields.set("published_at", fields.get("date"));
    }
    fields.remove("date");
    if (!fields.hasNonNull("title")) {
      String stripped = rest.stripLeading();
      int newline = stripped.indexOf('\n');
      String first = newline < 0 ? stripped : stripped.substring(0, newline);
      fields.put("title", format == ReportFileFormat.MARKDOWN ? first.replaceFirst("^#+\\s*", "").strip() : first.strip());
      rest = newline < 0 ? "" : stripped.substring(newline + 1);
    }
    fields.put("body", rest.strip());
    fields.put("content_type", format.contentType());
    return Result.of(fields);
  }

  private static Optional<ObjectNode> frontMatter(String yaml) throws JsonProcessingException {
    JsonNode node = YAML.readTree(yaml);
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Optional.of(JsonNodeFactory.instance.objectNode());
    }
    return node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
  }

  /** Page metadata is not the user's input: an unreadable date is dropped, not a reason to reject the page. */
  private static boolean readableDate(String text) {
    java.util.List<JsonReportParser.Problem> problems = new java.util.ArrayList<>();
    JsonReportParser.instant(JsonNodeFactory.instance.textNode(text), problems);
    return problems.isEmpty();
  }

  private static Result html(Path file) throws IOException {
    ArticleExtractor.Article article = ArticleExtractor.extract(Jsoup.parse(file.toFile(), null, ""));
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    fields.put("title", article.title());
    fields.put("body", article.text());
    if (article.canonicalUrl() != null && article.canonicalUrl().startsWith("http")) {
      fields.put("url", article.canonicalUrl());
    }
    if (article.publishedAt() != null && readableDate(article.publishedAt())) {
      fields.put("published_at", article.publishedAt());
    }
    if (article.language() != null) {
      fields.put("language", article.language());
    }
    if (article.description() != null) {
      fields.put("summary", article.description());
    }
    fields.put("content_type", ReportFileFormat.HTML.contentType());
    return Result.of(fields);
  }
}
