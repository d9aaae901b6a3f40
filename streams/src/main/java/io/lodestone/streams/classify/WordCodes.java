package io.lodestone.streams.classify;

import java.util.Arrays;

/**
 * Words and their one-character codes, looked up by a word's characters in a buffer without making
 * a String of them: an open-addressing hash table over primitive arrays (the words' characters one
 * after another in one array), so that a lookup touches a few adjacent arrays rather than a chain of
 * objects. Every word of every report is looked up, so this is on the hot path. Not thread-safe
 * while words are added.
 */
final class WordCodes {
  /** Two ints per slot: the entry's hash code (compared before its characters are) and its index + 1, 0 = free. */
  private int[] slots = new int[2 * 1024];
  private int[] hashes = new int[512];
  private int[] starts = new int[513]; // entry e's characters are chars[starts[e] .. starts[e + 1])
  private char[] chars = new char[4096];
  private char[] codes = new char[512];
  private int size;

  static int hash(char[] word, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = hashStep(h, word[i]);
    }
    return hash(h);
  }

  /** The hash code in the making after one more character, for callers that read the word anyway. */
  static int hashStep(int hash, char c) {
    return 31 * hash + c;
  }

  /** The hash code of a word from the result of {@link #hashStep} over its characters. */
  static int hash(int steps) {
    return steps ^ (steps >>> 15);
  }

  /** The code of the word, or -1 when it has none. */
  int get(char[] word, int length, int hash) {
    int mask = slots.length / 2 - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[2 * slot + 1] - 1;
      if (entry < 0) {
        return -1;
      }
      if (slots[2 * slot] == hash && equals(entry, word, length)) {
        return codes[entry];
      }
    }
  }

  int get(String word) {
    char[] chars = word.toCharArray();
    return get(chars, chars.length, hash(chars, chars.length));
  }

  /** Adds a word that is not in the table yet. */
  void put(char[] word, int length, int hash, char code) {
    if (size + 1 > slots.length / 4) {
      grow();
    }
    if (size + 1 >= hashes.length) {
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
      codes = Arrays.copyOf(codes, codes.length * 2);
      starts = Arrays.copyOf(starts, starts.length * 2);
    }
    int start = starts[size];
    if (start + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, start + length));
    }
    System.arraycopy(word, 0, chars, start, length);
    starts[size + 1] = start + length;
    hashes[size] = hash;
    codes[size] = code;
    insert(size);
    size++;
  }

  void put(String word, char code) {
    char[] chars = word.toCharArray();
    put(chars, chars.length, hash(chars, chars.length), code);
  }

  int size() {
    return size;
  }

  void clear() {
    Arrays.fill(slots, 0);
    size = 0;
  }

  private boolean equals(int entry, char[] word, int length) {
    int start = starts[entry];
    if (starts[entry + 1] - start != length) {
      return false;
    }
    for (int i = 0; i < length; i++) { // words are short: a plain loop beats the vectorized comparison
      if (chars[start + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    slots = new int[slots.length * 2];
    for (int entry = 0; entry < size; entry++) {
      insert(entry);
    }
  }

  private void insert(int entry) {
    int mask = slots.length / 2 - 1;
    int slot = hashes[entry] & mask;
    while (slots[2 * slot + 1] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = hashes[entry];
    slots[2 * slot + 1] = entry + 1;
  }
}
