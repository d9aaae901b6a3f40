package io.lodestone.streams.dedup;

import java.util.Arrays;

/**
 * MinHash signatures by one-permutation hashing (Li, Owen and Zhang, NIPS 2012): one hash per shingle
 * picks one of {@code bins} bins and the bin keeps the smallest value that falls into it. That costs
 * O(shingles + bins) instead of O(shingles x hash functions) for classic MinHash with the same number of
 * values, and estimating Jaccard similarity over the bins that are not empty in both signatures samples
 * without replacement, so short texts get a near-exact estimate. Values are 16 bits (b-bit minwise
 * hashing): two different shingles agree by chance with probability 2^-16, a negligible bias, for half
 * the state of 32-bit values.
 *
 * <p>Locality-sensitive hashing needs a value in every bin, so {@link #bandKeys} first fills the empty
 * bins by optimal densification (Shrivastava, ICML 2017): an empty bin copies the value of the first
 * non-empty bin in its own fixed pseudo-random probe sequence, which keeps the probability that two
 * signatures agree in a bin equal to their Jaccard similarity.
 */
public final class MinHasher {
  /** Marks an empty bin; values are in [0, EMPTY). */
  public static final char EMPTY = 0xFFFF;

  private final int bins;
  private final int bands;
  private final int rows;

  public MinHasher(int bins, int bands, int rows) {
    if (bands * rows > bins) {
      throw new IllegalArgumentException("bands x rows (" + bands * rows + ") exceeds the signature's " + bins + " bins");
    }
    this.bins = bins;
    this.bands = bands;
    this.rows = rows;
  }

  public int bins() {
    return bins;
  }

  /** The signature of a set of shingle hashes (duplicates allowed); all bins empty when there are none. */
  public char[] signature(long[] shingles) {
    char[] signature = new char[bins];
    Arrays.fill(signature, EMPTY);
    for (long h : shingles) {
      int bin = (int) (((h >>> 32) * bins) >>> 32);
      char value = (char) h;
      if (value == EMPTY) {
        value = EMPTY - 1;
      }
      if (value < signature[bin]) {
        signature[bin] = value;
      }
    }
    return signature;
  }

  /**
   * Estimated Jaccard similarity of the shingle sets: the share of equal bins among those not empty in
   * both; 0 when both are empty.
   */
  public static double similarity(char[] a, char[] b) {
    int equal = 0;
    int compared = 0;
    for (int i = 0; i < a.length; i++) {
      char x = a[i];
      char y = b[i];
      if (x != EMPTY || y != EMPTY) {
        compared++;
        if (x == y) {
          equal++;
        }
      }
    }
    return compared == 0 ? 0 : (double) equal / compared;
  }

  /**
   * The highest Jaccard similarity two sets of these sizes can have, the smaller size over the larger (all of the
   * smaller set inside the larger); 1 when a size is unknown (0). MinHash's estimate has an error of a few hundredths,
   * which near the threshold is enough to take a longer version of a story (an update with a paragraph added) for a
   * copy of it; the sizes rule that out exactly.
   */
  public static double similarityBound(int shingles, int otherShingles) {
    if (shingles == 0 || otherShingles == 0) {
      return 1;
    }
    return (double) Math.min(shingles, otherShingles) / Math.max(shingles, otherShingles);
  }

  public static boolean isEmpty(char[] signature) {
    for (char value : signature) {
      if (value != EMPTY) {
        return false;
      }
    }
    return true;
  }

  /**
   * One key per LSH band over the densified signature: two signatures become candidates when any band
   * key is equal, with probability 1 - (1 - J^rows)^bands for Jaccard similarity J. Empty for an empty
   * signature.
   */
  public long[] bandKeys(char[] signature) {
    if (isEmpty(signature)) {
      return new long[0];
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = band + 1;
      for (int row = 0; row < rows; row++) {
        int bin = band * rows + row;
        h = Long.rotateLeft((h ^ densified(signature, bin)) * 0x9E3779B97F4A7C15L, 27);
      }
      keys[band] = Shingles.mix(h);
    }
    return keys;
  }

  private int densified(char[] signature, int bin) {
    if (signature[bin] != EMPTY) {
      return signature[bin];
    }
    for (long attempt = 1; ; attempt++) {
      long probe = Shingles.mix(((long) bin << 32) | attempt);
      int source = (int) (((probe >>> 32) * bins) >>> 32);
      if (signature[source] != EMPTY) {
        return signature[source];
      }
    }
  }
}
