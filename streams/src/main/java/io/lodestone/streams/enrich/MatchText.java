package io.lodestone.streams.enrich;

/**
 * Prepares text for matching without changing its length (so offsets stay valid): typographic hyphens, dashes,
 * quotes and spaces become their ASCII forms, so that "rare‑earth" (U+2011) matches "rare-earth" and
 * "India’s" has an ordinary apostrophe; line breaks and tabs become spaces.
 */
final class MatchText {
  private MatchText() {}

  static String of(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char mapped = map(c);
      if (mapped != c) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = mapped;
      }
    }
    return chars == null ? text : new String(chars);
  }

  private static char map(char c) {
    if (c < 0x80) {
      return c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
    }
    return switch (c) {
      case '\u00A0', '\u2007', '\u202F', '\u2009' -> ' ';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
      case '\u2018', '\u2019', '\u02BC' -> '\'';
      case '\u201C', '\u201D' -> '"';
      default -> c;
    };
  }
}
