package io.lodestone.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShinglesTest {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");

  @Test
  void distinctCountsEachShingleOnce() {
    assertThat(Shingles.distinct(new long[] {5, 3, 5, 0, 5, -1, 3, 0})).isEqualTo(4);
    assertThat(Shingles.distinct(new long[] {1, 1025, 2049, 1})).as("one slot, three shingles").isEqualTo(3);
    assertThat(Shingles.distinct(new long[0])).isZero();
    long[] words = Shingles.wordHashes("one two three one two three one two three");
    assertThat(Shingles.distinct(Shingles.of(words, 3))).isEqualTo(3);
  }

  @Test
  void wordHashesAreTheHashesOfTheLowerCasedRunsOfLettersAndDigits() {
    String[] texts = {
      "", "   ", "one", " one ", "Rare-earth MAGNETS: Rs 7,280 crore (US$875m) for 6,000 tpa.\nÉcole Zürich ΑΘΗΝΑ 北京 x",
      "a\u00A0b\tc\u2011d—e’s", "ends with a word", "ends with punctuation!!", "x".repeat(40) + " " + "y ".repeat(300)};
    for (String text : texts) {
      assertThat(Shingles.wordHashes(text)).as(text).containsExactly(reference(text));
    }
  }

  @Test
  void wordHashesStayTheSameAcrossVersions() {
    // Fingerprints and signatures in the dedup state were computed from these hashes: a new version must give
    // the same ones, or every remembered report would stop matching its copies.
    assertThat(Shingles.wordHashes("Lithium, COBALT 42")).containsExactly(
        0xd70c564581875c86L, 0xa40783ccfe189a6aL, 0x810b196a56ee3cecL);
  }

  /** FNV-1a over each word's lower-cased characters, then MurmurHash3's finalizer. */
  private static long[] reference(String text) {
    Matcher words = WORD.matcher(text);
    return words.results().mapToLong(word -> {
      long hash = 0xcbf29ce484222325L;
      for (char c : word.group().toCharArray()) {
        hash = (hash ^ Character.toLowerCase(c)) * 0x100000001b3L;
      }
      return Shingles.mix(hash);
    }).toArray();
  }
}
