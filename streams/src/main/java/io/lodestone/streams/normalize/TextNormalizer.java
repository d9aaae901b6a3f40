package io.lodestone.streams.normalize;

import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import java.util.Locale;

/**
 * Turns a raw report's title and body into clean text for matching, deduplication and indexing:
 * HTML to text (jsoup, only when the text holds markup or the content type says HTML), Unicode NFC,
 * whitespace (every kind of space becomes one space, paragraphs one per line, blank lines dropped),
 * and boilerplate lines of the body (bylines, comment widgets, share prompts, agency sign-offs;
 * patterns in {@code boilerplate.txt}). Title and body stay separate. Thread-safe.
 */
public final class TextNormalizer {
  private final Boilerplate boilerplate = Boilerplate.bundled();
  private final LanguageDetection languages = LanguageDetection.bundled();

  public NormalizedText normalize(NewsReport report) {
    boolean html = report.getContentType() != null && report.getContentType().toLowerCase(Locale.ROOT).contains("html");
    String title = clean(report.getTitle(), html).replace('\n', ' ');
    String body = boilerplate.strip(clean(report.getBody(), html));
    return NormalizedText.newBuilder().setTitle(title).setBody(body).build();
  }

  /** ISO 639-1 language of the text, or the producer's hint when detection is unsure (may be null). */
  public String language(NormalizedText text, String hint) {
    String detected = languages.detect(text.getTitle() + "\n" + text.getBody());
    return detected != null ? detected : hint;
  }

  private static String clean(String raw, boolean html) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String text = html || HtmlText.hasTags(raw) ? HtmlText.toText(raw) : HtmlText.hasEntities(raw) ? HtmlText.unescape(raw) : raw;
    return Whitespace.collapse(Whitespace.nfc(text));
  }
}
