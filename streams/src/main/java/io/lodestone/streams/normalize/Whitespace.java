package io.lodestone.streams.normalize;

import java.text.Normalizer;

/**
 * Unicode NFC and whitespace clean-up in one pass: every kind of space (NBSP, thin, ideographic,
 * tab) becomes one ASCII space, zero-width characters and soft hyphens disappear, control
 * characters are dropped, lines are trimmed and blank lines removed, so that paragraphs end up
 * separated by exactly one newline.
 */
final class Whitespace {
  private Whitespace() {}

  static String nfc(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x300) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
      }
    }
    return text; // below U+0300 nothing composes, so the text is already NFC
  }

  /** Lines trimmed, inner whitespace runs collapsed to one space, blank lines dropped. */
  static String collapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    boolean pendingNewline = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        pendingNewline = out.length() > 0;
        pendingSpace = false;
        i++;
      } else if (isSpace(c)) {
        pendingSpace = out.length() > 0;
        i++;
      } else if (isInvisible(c)) {
        i++;
      } else {
        if (pendingNewline) {
          out.append('\n');
        } else if (pendingSpace) {
          out.append(' ');
        }
        pendingNewline = false;
        pendingSpace = false;
        int run = i + 1; // copy the whole run of ordinary characters at once
        while (run < text.length() && isOrdinary(text.charAt(run))) {
          run++;
        }
        out.append(text, i, run);
        i = run;
      }
    }
    return out.toString();
  }

  private static boolean isOrdinary(char c) {
    return c > ' ' && c < '\u007F' || c > '\u00AD' && c < '\u1680';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  private static boolean isInvisible(char c) {
    return c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\u00AD' || (c >= '\u200B' && c <= '\u200F')
        || c == '\u2060' || c == '\uFEFF';
  }
}
