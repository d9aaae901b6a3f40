package io.lodestone.streams.enrich;

/**
 * A report's title and body prepared for matching, as one text: the title, a line break (read as a space) and
 * the body. Typographic hyphens, dashes, quotes and spaces become their ASCII forms and line breaks and tabs
 * spaces, without changing the length (so offsets stay valid): "rare‑earth" (U+2011) matches "rare-earth" and
 * "India’s" has an ordinary apostrophe. {@code folded} is the same text lower-cased character by character, for
 * the case-insensitive phrase automaton; the case rules then look at {@code text}.
 *
 * @param bodyStart where the body starts in {@code text}
 */
record MatchText(String text, char[] folded, int bodyStart) {

  static MatchText of(String title, String body) {
    int length = title.length() + 1 + body.length();
    char[] chars = new char[length];
    title.getChars(0, title.length(), chars, 0);
    chars[title.length()] = '\n';
    body.getChars(0, body.length(), chars, title.length() + 1);
    char[] folded = new char[length];
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        chars[i] = ASCII_MAPPED[c];
        folded[i] = ASCII_FOLDED[c];
      } else {
        c = map(c);
        chars[i] = c;
        folded[i] = Character.toLowerCase(c);
      }
    }
    return new MatchText(new String(chars), folded, title.length() + 1);
  }

  private static final char[] ASCII_MAPPED = new char[0x80];
  private static final char[] ASCII_FOLDED = new char[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_MAPPED[c] = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
      ASCII_FOLDED[c] = Character.toLowerCase(ASCII_MAPPED[c]);
    }
  }

  /** Lower case of one character, as the phrases are folded (same length, so offsets stay valid). */
  static char fold(char c) {
    return c < 0x80 ? ASCII_FOLDED[c] : Character.toLowerCase(c);
  }

  /** A phrase or token folded as {@link #fold} folds the text, character by character. */
  static String foldAll(String phrase) {
    char[] chars = phrase.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = fold(chars[i]);
    }
    return new String(chars);
  }

  /** The run of letters and digits a phrase starts with, or its first character when that is neither. */
  static String firstWord(String phrase) {
    int end = 0;
    while (end < phrase.length() && isWordChar(phrase.charAt(end))) {
      end++;
    }
    return phrase.substring(0, Math.max(1, end));
  }

  /** Whether a character is part of a word (a letter or digit); the same for a character and its folded form. */
  static boolean isWordChar(char c) {
    return c < 0x80 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  private static char map(char c) {
    return switch (c) {
      case '\u00A0', '\u2007', '\u202F', '\u2009' -> ' ';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
      case '\u2018', '\u2019', '\u02BC' -> '\'';
      case '\u201C', '\u201D' -> '"';
      default -> c;
    };
  }
}
