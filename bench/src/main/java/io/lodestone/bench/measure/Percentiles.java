package io.lodestone.bench.measure;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample. */
public final class Percentiles {
  private final long[] sorted;

  public Percentiles(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  /** The p-th percentile (0 < p <= 100), nearest rank; 0 for an empty sample. */
  public long at(double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public int count() {
    return sorted.length;
  }
}
