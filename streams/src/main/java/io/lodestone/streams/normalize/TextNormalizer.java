package io.lodestone.streams.normalize;

import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;

/**
 * Turns a raw report's title and body into clean text for matching and indexing.
 * (Walking skeleton: whitespace collapsed only; the streams issue adds HTML stripping, NFC,
 * boilerplate removal and language detection.)
 */
public final class TextNormalizer {

  public NormalizedText normalize(NewsReport report) {
    return NormalizedText.newBuilder().setTitle(collapse(report.getTitle())).setBody(collapse(report.getBody())).build();
  }

  /** ISO 639-1 language of the text, or the producer's hint when unsure (may be null). */
  public String language(NormalizedText text, String hint) {
    return hint;
  }

  private static String collapse(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }
}
