package io.lodestone.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WhitespaceTest {
  /** Ordinary characters, every kind of space, line break and invisible character the clean-up knows, and others. */
  private static final String ALPHABET = "ab.Z9é€ \t\f\u000B\u00A0\u1680\u2003\u202F\u3000\n\r\u2028\u2029\u0085"
      + "\u0000\u0007\u007F\u009F\u00AD\u200B\u200F\u2060\uFEFF";

  @Test
  void collapseTrimsLinesCollapsesSpacesAndDropsBlankLinesAndInvisibleCharacters() {
    assertThat(Whitespace.collapse("  one \t two\u00A0\n\n\r\n  three\u200B four  \n")).isEqualTo("one two\nthree four");
    assertThat(Whitespace.collapse("already clean\nlines")).isEqualTo("already clean\nlines");
    assertThat(Whitespace.collapse(" \u200B\n ")).isEmpty();
    assertThat(Whitespace.collapse("")).isEmpty();
  }

  @Test
  void collapseAgreesWithLineByLineCleanUpOnRandomText() {
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      char[] chars = new char[random.nextInt(40)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      String text = new String(chars);
      assertThat(Whitespace.collapse(text)).as("%s", Arrays.toString(chars)).isEqualTo(lineByLine(text));
    }
  }

  /** The same clean-up written for clarity: drop invisible characters, then trim and collapse each line. */
  private static String lineByLine(String text) {
    String visible = text.replaceAll("[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F\\u00AD\\u200B-\\u200F\\u2060\\uFEFF]", "");
    return Arrays.stream(visible.split("[\\n\\r\\u2028\\u2029\\u0085]"))
        .map(line -> line.replaceAll("[ \\t\\f\\u000B\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+", " ").replaceAll("^ | $", ""))
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
