package io.lodestone.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglesTest {

  @Test
  void distinctCountsEachShingleOnce() {
    assertThat(Shingles.distinct(new long[] {5, 3, 5, 0, 5, -1, 3, 0})).isEqualTo(4);
    assertThat(Shingles.distinct(new long[] {1, 1025, 2049, 1})).as("one slot, three shingles").isEqualTo(3);
    assertThat(Shingles.distinct(new long[0])).isZero();
    long[] words = Shingles.wordHashes("one two three one two three one two three");
    assertThat(Shingles.distinct(Shingles.of(words, 3))).isEqualTo(3);
  }
}
