package io.lodestone.streams.classify;

import java.util.Arrays;

/**
 * One field of a report (title or body) as the phrase matcher sees it: one character per token,
 * the token's code in the taxonomy vocabulary (or {@link PhraseIndex#UNKNOWN}), with the token's
 * offsets in the original text and its position. Positions jump by {@link #SENTENCE_GAP} at a
 * sentence end, so that proximity rules never join words of different sentences.
 */
final class AnalyzedText {
  static final int SENTENCE_GAP = 1_000;

  final String text;
  final boolean title;
  private char[] codes;
  private int[] starts;
  private int[] ends;
  private int[] positions;
  private int size;

  AnalyzedText(String text, boolean title) {
    this.text = text;
    this.title = title;
    // sized for the words the text likely holds (news averages over 6 characters per word and space), so that a
    // 3 KB body is not copied through five growing arrays
    int capacity = 16 + text.length() / 5;
    codes = new char[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
    positions = new int[capacity];
  }

  void add(char code, int start, int end) {
    if (size == codes.length) {
      int capacity = size * 2;
      codes = Arrays.copyOf(codes, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      positions = Arrays.copyOf(positions, capacity);
    }
    int position = size == 0 ? 0 : positions[size - 1] + (endsSentence(ends[size - 1], start) ? SENTENCE_GAP : 1);
    codes[size] = code;
    starts[size] = start;
    ends[size] = end;
    positions[size] = position;
    size++;
  }

  /**
   * A sentence ends between two tokens when the gap holds '.', '!', '?' or ';' and the next word
   * starts with a capital or digit, unless the previous word is an abbreviation ("U.S.", "Corp.").
   */
  private boolean endsSentence(int previousEnd, int nextStart) {
    boolean stop = false;
    for (int i = previousEnd; i < nextStart; i++) {
      char c = text.charAt(i);
      stop |= c == '.' || c == '!' || c == '?' || c == ';';
    }
    if (!stop || !(Character.isUpperCase(text.charAt(nextStart)) || Character.isDigit(text.charAt(nextStart)))) {
      return false;
    }
    int previousStart = starts[size - 1];
    boolean abbreviation = previousEnd - previousStart <= 1 && Character.isUpperCase(text.charAt(previousStart))
        || text.lastIndexOf('.', previousEnd - 1) >= previousStart;
    return !abbreviation;
  }

  int size() {
    return size;
  }

  /** One code per token, in order. */
  char[] codes() {
    return Arrays.copyOf(codes, size);
  }

  int start(int token) {
    return starts[token];
  }

  int end(int token) {
    return ends[token];
  }

  int position(int token) {
    return positions[token];
  }
}
