package io.lodestone.streams.classify;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The words that Lucene's StandardTokenizer and LowerCaseFilter find in a text, found by one pass
 * over its characters instead of a token stream, for texts written in the scripts news reports use
 * here (Latin letters, digits, punctuation, typographic quotes and dashes). Any other character
 * (another script, emoji, invisible format characters) sends the whole text to Lucene, so the words
 * are always Lucene's.
 *
 * <p>StandardTokenizer implements the word boundaries of Unicode UAX #29: letters and digits join
 * ("b2b", "1987s"); a full stop, apostrophe or colon joins two letters ("U.S", "don't"); a comma,
 * full stop or apostrophe joins two digits ("7,280", "1.5"); an underscore joins anything. Each
 * character's part in these rules is not written down here but asked of StandardTokenizer itself
 * when the class loads (a character alone, between two letters, between two digits, before and
 * after a letter), so the pass follows the Lucene version in use; characters whose behaviour is not
 * one of those simple parts are left to Lucene.
 */
final class StandardWords {
  private static final byte OTHER = 0;
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  /** Joins two letters: ':' and '·'. */
  private static final byte MID_LETTER = 3;
  /** Joins two digits: ',' and ';'. */
  private static final byte MID_NUM = 4;
  /** Joins two letters or two digits: '.', '\'', '’'. */
  private static final byte MID_NUM_LET = 5;
  /** Joins anything on either side: '_'. */
  private static final byte EXTEND_NUM_LET = 6;
  private static final byte UNSUPPORTED = 7;

  private static final char[][] PROBED_RANGES = {{'\u0000', '\u0250'}, {'\u2000', '\u2070'}, {'\u20A0', '\u20D0'}};
  /** StandardTokenizer's longest token; texts with longer words go to Lucene. */
  private static final int MAX_TOKEN_LENGTH = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;

  /** Class of every character; those outside the probed ranges are UNSUPPORTED. */
  private static final byte[] CLASSES = probeClasses();

  private StandardWords() {}

  /** Receives each word, lower-cased, with {@link WordCodes#hash its hash code} and its offsets in the text. */
  interface WordSink {
    void word(char[] word, int length, int hash, int start, int end);
  }

  /**
   * Calls the sink with each lower-cased word of the text and its offsets, as StandardTokenizer and
   * LowerCaseFilter would, and returns true; or returns false when the text needs Lucene, in which
   * case the words the sink has received so far are to be discarded.
   */
  static boolean words(String string, WordSink sink) {
    char[] text = string.toCharArray();
    char[] word = new char[MAX_TOKEN_LENGTH];
    int i = 0;
    while (i < text.length) {
      byte first = CLASSES[text[i]];
      if (first == UNSUPPORTED) {
        return false;
      }
      if (first != LETTER && first != DIGIT && first != EXTEND_NUM_LET) {
        i++;
        continue;
      }
      long read = readWord(text, i, word);
      int end = (int) read;
      if (end == TOO_LONG) {
        return false;
      }
      if (end < 0) {
        i = -end; // underscores only: no word
        continue;
      }
      int length = end - i;
      sink.word(word, length, WordCodes.hash((int) (read >>> 32)), i, end);
      i = end;
    }
    return true;
  }

  /**
   * {@link #readWord}'s answer for a word of StandardTokenizer's longest token length or more (or as many underscores,
   * which Lucene then reads: no word either way).
   */
  private static final int TOO_LONG = Integer.MIN_VALUE;
  /**
   * Reads the word starting at {@code start} into {@code word}, lower-cased, in the same pass that finds where it
   * ends (a second pass over its characters cost a mispredicted loop exit per word). Returns its
   * {@link WordCodes#hashStep} hash in the upper 32 bits and in the lower 32 where it ends, minus where scanning
   * resumes when the characters there hold no letter or digit (underscores only), or TOO_LONG.
   */
  private static long readWord(char[] text, int start, char[] word) {
    int length = text.length;
    boolean letterOrDigit = false;
    int hash = 0;
    int j = start;
    while (j < length) {
      char c = text[j];
      byte k = CLASSES[c];
      if (k == LETTER || k == DIGIT) {
        letterOrDigit = true;
      } else if (k != EXTEND_NUM_LET) {
        if (k < MID_LETTER || k > MID_NUM_LET || j == start || j + 1 == length) {
          break;
        }
        byte before = CLASSES[text[j - 1]];
        byte after = CLASSES[text[j + 1]];
        boolean joinsLetters = before == LETTER && after == LETTER && k != MID_NUM;
        boolean joinsDigits = before == DIGIT && after == DIGIT && k != MID_LETTER;
        if (!joinsLetters && !joinsDigits) {
          break;
        }
        // the joining character is part of the word, and so is the letter or digit after it, read next
      }
      if (j - start + 1 >= MAX_TOKEN_LENGTH) {
        return TOO_LONG & 0xFFFFFFFFL;
      }
      c = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) : Character.toLowerCase(c);
      word[j - start] = c;
      hash = WordCodes.hashStep(hash, c);
      j++;
    }
    return (long) hash << 32 | (letterOrDigit ? j : -j) & 0xFFFFFFFFL;
  }

  /** The part each probed character plays in StandardTokenizer's word boundaries, found by asking it. */
  private static byte[] probeClasses() {
    byte[] classes = new byte[Character.MAX_VALUE + 1];
    Arrays.fill(classes, UNSUPPORTED);
    Probe probe = new Probe();
    for (char[] range : PROBED_RANGES) {
      for (char c = range[0]; c < range[1]; c++) {
        classes[c] = probe.classOf(String.valueOf(c));
      }
    }
    return classes;
  }

  /** Runs StandardTokenizer on short strings built around one character. */
  private static final class Probe {
    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);

    byte classOf(String c) {
      if (Character.isSurrogate(c.charAt(0))) {
        return UNSUPPORTED;
      }
      List<String> alone = tokens(c);
      boolean joinsLetters = tokens("a" + c + "a").equals(List.of("a" + c + "a"));
      boolean joinsDigits = tokens("1" + c + "1").equals(List.of("1" + c + "1"));
      boolean followsLetter = tokens("a" + c).equals(List.of("a" + c));
      boolean precedesLetter = tokens(c + "a").equals(List.of(c + "a"));
      if (alone.equals(List.of(c)) && joinsLetters && joinsDigits && followsLetter && precedesLetter) {
        String kind = types(c);
        // a letter that an apostrophe or a double quote joins differently is a Hebrew letter: Lucene's
        boolean plainLetter = tokens(c + "'").equals(List.of(c)) && tokens(c + "\"" + c).equals(List.of(c, c));
        if (kind.equals(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM]) && plainLetter) {
          return LETTER;
        }
        return kind.equals(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM]) ? DIGIT : UNSUPPORTED;
      }
      if (!alone.isEmpty()) {
        return UNSUPPORTED;
      }
      if (followsLetter && precedesLetter && joinsLetters && joinsDigits) {
        // an underscore, unless the character is ignored altogether (format characters such as the soft hyphen)
        return tokens("a" + c + ".b").equals(List.of("a" + c, "b")) ? EXTEND_NUM_LET : UNSUPPORTED;
      }
      if (followsLetter || precedesLetter || !tokens("1" + c).equals(List.of("1")) || !tokens(c + "1").equals(List.of("1"))) {
        return UNSUPPORTED;
      }
      if (joinsLetters) {
        return joinsDigits ? MID_NUM_LET : MID_LETTER;
      }
      return joinsDigits ? MID_NUM : OTHER;
    }

    private List<String> tokens(String text) {
      List<String> tokens = new ArrayList<>();
      run(text, tokens, null);
      return tokens;
    }

    private String types(String text) {
      StringBuilder types = new StringBuilder();
      run(text, new ArrayList<>(), types);
      return types.toString();
    }

    private void run(String text, List<String> tokens, StringBuilder types) {
      try {
        tokenizer.setReader(new StringReader(text));
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
          tokens.add(term.toString());
          if (types != null) {
            types.append(type.type());
          }
        }
        tokenizer.end();
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // cannot happen: the text is in memory
      }
    }
  }
}
