package io.lodestone.streams.dedup;

/**
 * Word shingles of a text as 64-bit hashes: words are maximal runs of letters and digits, lower-cased;
 * a shingle is {@code size} consecutive words (a text shorter than that is one shingle). The tokenizer
 * is a single pass over the characters, because it runs on every report.
 */
public final class Shingles {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Shingles() {}

  /** The hashes of the words of {@code text}, in order. */
  public static long[] wordHashes(CharSequence text) {
    long[] words = new long[Math.max(16, text.length() / 5)];
    int count = 0;
    long hash = FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean wordChar;
      if (c < 128) {
        // ASCII fast path: most text is ASCII, and this loop runs over every character of every report
        wordChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      } else {
        wordChar = Character.isLetterOrDigit(c);
        c = Character.toLowerCase(c);
      }
      if (wordChar) {
        hash = (hash ^ c) * FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        if (count == words.length) {
          words = java.util.Arrays.copyOf(words, count * 2);
        }
        words[count++] = mix(hash);
        hash = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      if (count == words.length) {
        words = java.util.Arrays.copyOf(words, count + 1);
      }
      words[count++] = mix(hash);
    }
    return java.util.Arrays.copyOf(words, count);
  }

  /** The hashes of the {@code size}-word shingles of the words (duplicates included); empty without words. */
  public static long[] of(long[] words, int size) {
    if (words.length == 0) {
      return words;
    }
    int count = Math.max(1, words.length - size + 1);
    int width = Math.min(size, words.length);
    long[] shingles = new long[count];
    for (int i = 0; i < count; i++) {
      long h = width;
      for (int j = 0; j < width; j++) {
        h = Long.rotateLeft((h ^ words[i + j]) * GOLDEN, 29);
      }
      shingles[i] = mix(h);
    }
    return shingles;
  }

  /**
   * How many different shingles there are: the size of the set whose similarity MinHash estimates. An open-addressing
   * set of the hashes (already mixed, so their low bits make the slot): a few microseconds for a 3 KB report, where
   * sorting them took 15.
   */
  public static int distinct(long[] shingles) {
    long[] table = new long[Integer.highestOneBit(Math.max(1, shingles.length)) << 2];
    int mask = table.length - 1;
    int count = 0;
    boolean zero = false; // 0 marks a free slot, so a shingle hashing to 0 is counted apart
    for (long shingle : shingles) {
      if (shingle == 0) {
        count += zero ? 0 : 1;
        zero = true;
        continue;
      }
      int slot = (int) shingle & mask;
      while (table[slot] != 0 && table[slot] != shingle) {
        slot = (slot + 1) & mask;
      }
      if (table[slot] == 0) {
        table[slot] = shingle;
        count++;
      }
    }
    return count;
  }

  /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
