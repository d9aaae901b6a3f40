package io.lodestone.streams.normalize;

import java.text.Normalizer;
import java.nio.CharBuffer;

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
    int length = text.length();
    char[] out = new char[length];
    int size = 0;
    boolean pendingSpace = false;
    boolean pendingNewline = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c > ' ' && c < '\u007F' || c > '\u00AD' && c < '\u1680') {
        // ordinary character: the common case, tested first
      } else if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        pendingNewline = size > 0;
        pendingSpace = false;
        continue;
      } else if (isSpace(c)) {
        pendingSpace = size > 0;
        continue;
      } else if (isInvisible(c)) {
        continue;
      }
      if (pendingNewline) {
        out[size++] = '\n';
      } else if (pendingSpace) {
        out[size++] = ' ';
      }
      pendingNewline = false;
      pendingSpace = false;
      out[size++] = c;
    }
    return size == length && text.contentEquals(CharBuffer.wrap(out)) ? text : new String(out, 0, size);
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
