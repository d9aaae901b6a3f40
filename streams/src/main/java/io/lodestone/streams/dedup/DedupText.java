package io.lodestone.streams.dedup;

import io.lodestone.schemas.NormalizedText;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a report that decides whether it duplicates another: the normalized body without its
 * leading dateline ("NEW YORK, March 12 -", "KINSHASA —"), because syndicated and re-sent copies of one
 * story differ there (another day, another spelling of the city) and in the headline, not in the body.
 * A report without a body is judged by its title.
 */
public final class DedupText {
  /** An upper-case place, optional region and date, then a dash: at most 80 characters, no sentence in it. */
  private static final Pattern DATELINE =
      Pattern.compile("\\s*\\p{Lu}[\\p{Lu}\\p{M}][\\p{Lu}\\p{M} .'&/-]{0,40}(?:,[\\p{L}\\p{M}\\p{N} .'()/]{1,40}){0,3}?\\s*[-\u2013\u2014]{1,2}\\s+");

  private DedupText() {}

  /** The text to fingerprint and shingle. */
  public static String of(NormalizedText text) {
    String body = stripDateline(text.getBody());
    return body.isBlank() ? text.getTitle() : body;
  }

  static String stripDateline(String body) {
    Matcher dateline = DATELINE.matcher(body);
    return dateline.lookingAt() && dateline.end() <= 80 ? body.substring(dateline.end()) : body;
  }

  /** Hex of a 64-bit hash of the word sequence: equal for texts that differ only in case, spacing and punctuation. */
  public static String fingerprint(long[] words) {
    long h = words.length;
    for (long word : words) {
      h = Long.rotateLeft((h ^ word) * 0x9E3779B97F4A7C15L, 31);
    }
    return HexFormat.of().toHexDigits(Shingles.mix(h));
  }
}
