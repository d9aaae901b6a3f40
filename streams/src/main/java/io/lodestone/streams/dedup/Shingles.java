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

  /** Each ASCII letter and digit lower-cased; 0 for every other ASCII character. */
  private static final char[] ASCII_WORD_CHARS = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD_CHARS[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }
  }

  /**
   * The hashes of the words of {@code text}, in order. Written without a branch on whether a character is part of a
   * word: words start and end every few characters, so such a branch is mispredicted at nearly every word
   * boundary, and that took nearly half of this loop's time (11.5 against about 6.5 µs on a 3 KB report).
   */
  public static long[] wordHashes(CharSequence text) {
    int length = text.length();
    // a word and the character after it take at least two characters: room for every word, so that the loop needs
    // no check for it (with one, the loop ran as slowly as with the branch)
    long[] words = new long[length / 2 + 1];
    int count = 0;
    long hash = FNV_OFFSET;
    int inWord = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      int folded = c < 128 ? ASCII_WORD_CHARS[c] : Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
      int isWord = (folded | -folded) >>> 31; // 1 for a word character, else 0
      long inWordMask = -(long) isWord;
      words[count] = hash; // kept (count moves on) only when a word ends here
      count += inWord & (isWord ^ 1);
      hash = ((hash ^ folded) * FNV_PRIME) & inWordMask | FNV_OFFSET & ~inWordMask;
      inWord = isWord;
    }
    words[count] = hash;
    count += inWord;
    long[] hashes = java.util.Arrays.copyOf(words, count);
    for (int i = 0; i < count; i++) {
      hashes[i] = mix(hashes[i]);
    }
    return hashes;
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
