package io.lodestone.producers.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file {@code ./lodestone ingest} reads, recognized by extension. */
public enum ReportFileFormat {
  /** JSON Lines: one report per line, fields as in {@link JsonReportParser}. */
  JSONL("application/json", "jsonl", "ndjson"),
  /** Plain text: one report per file; title from front matter or the first line. */
  TEXT("text/plain", "txt", "text"),
  /** Markdown: one report per file; title from front matter or the first line (without its #). */
  MARKDOWN("text/markdown", "md", "markdown"),
  /** A web page: one report per file; title, URL and date from its metadata, main text via jsoup. */
  HTML("text/html", "html", "htm");

  private final String contentType;
  private final List<String> extensions;

  ReportFileFormat(String contentType, String... extensions) {
    this.contentType = contentType;
    this.extensions = List.of(extensions);
  }

  public String contentType() {
    return contentType;
  }

  public List<String> extensions() {
    return extensions;
  }

  /** The format of a file by its extension (case-insensitive), if it is one Lodestone reads. */
  public static Optional<ReportFileFormat> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String extension = name.substring(dot + 1);
    for (ReportFileFormat format : values()) {
      if (format.extensions.contains(extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
