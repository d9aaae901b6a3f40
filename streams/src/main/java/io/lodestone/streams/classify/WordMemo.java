package io.lodestone.streams.classify;

import java.util.Arrays;

/**
 * The code of every word one thread has read. A word of up to eight ASCII characters (nearly nine in
 * ten words of news) packs exactly into a long, and such words are kept in an open-addressing table
 * of longs, key and code side by side: a lookup reads one or two adjacent longs, where
 * {@link WordCodes} (which keeps the other words) follows three arrays. Every word of every report is
 * looked up and most distinct words are rare, so the memory reads are what a lookup costs. One
 * instance per thread.
 */
final class WordMemo {
  private static final int MAX_PACKED = 8;

  /** Two longs per slot: the packed word (0 = free) and its code. */
  private long[] packed = new long[2 * 4096];
  private int packedSize;
  private final WordCodes others = new WordCodes();

  /** The code of the word, or -1 when it has not been read yet. */
  int get(char[] word, int length, int hash) {
    long key = pack(word, length);
    if (key == 0) {
      return others.get(word, length, hash);
    }
    int mask = packed.length / 2 - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      long found = packed[2 * slot];
      if (found == key) {
        return (int) packed[2 * slot + 1];
      }
      if (found == 0) {
        return -1;
      }
    }
  }

  /** Adds a word that is not in the memo yet. */
  void put(char[] word, int length, int hash, char code) {
    long key = pack(word, length);
    if (key == 0) {
      others.put(word, length, hash, code);
      return;
    }
    if (packedSize + 1 > packed.length / 4) {
      long[] old = packed;
      packed = new long[old.length * 2];
      for (int slot = 0; slot < old.length; slot += 2) {
        if (old[slot] != 0) {
          insert(old[slot], old[slot + 1]);
        }
      }
    }
    insert(key, code);
    packedSize++;
  }

  int size() {
    return packedSize + others.size();
  }

  void clear() {
    Arrays.fill(packed, 0);
    packedSize = 0;
    others.clear();
  }

  private void insert(long key, long code) {
    int mask = packed.length / 2 - 1;
    int slot = slot(key, mask);
    while (packed[2 * slot] != 0) {
      slot = (slot + 1) & mask;
    }
    packed[2 * slot] = key;
    packed[2 * slot + 1] = code;
  }

  private static int slot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }

  /** The word's length and its ASCII characters, 7 bits each, in one long; 0 for longer or other words. */
  private static long pack(char[] word, int length) {
    if (length > MAX_PACKED) {
      return 0;
    }
    long packed = length;
    for (int i = 0; i < length; i++) {
      char c = word[i];
      if (c >= 0x80) {
        return 0;
      }
      packed = packed << 7 | c;
    }
    return packed;
  }
}
