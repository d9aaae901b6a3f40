package io.lodestone.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinHasherTest {

  @Test
  void theSizesOfTwoSetsBoundTheirSimilarity() {
    assertThat(MinHasher.similarityBound(98, 125)).isEqualTo(0.784);
    assertThat(MinHasher.similarityBound(125, 98)).isEqualTo(0.784);
    assertThat(MinHasher.similarityBound(300, 300)).isEqualTo(1.0);
    assertThat(MinHasher.similarityBound(0, 300)).isEqualTo(1.0);
  }
}
