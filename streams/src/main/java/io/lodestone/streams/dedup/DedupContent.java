package io.lodestone.streams.dedup;

import io.lodestone.schemas.NormalizedText;

/**
 * What deduplication compares of a report, computed from its normalized text alone: the fingerprint of its word
 * sequence ({@link #NO_CONTENT} for a text without words, which is never a copy), its MinHash signature, how many
 * different shingles it has, and its LSH band keys.
 */
public record DedupContent(String fingerprint, char[] signature, int shingles, long[] bandKeys) {
  /** The fingerprint of a report without words. */
  public static final String NO_CONTENT = "";

  public static DedupContent of(NormalizedText text, int shingleSize, MinHasher hasher) {
    long[] words = Shingles.wordHashes(DedupText.of(text));
    long[] shingles = Shingles.of(words, shingleSize);
    char[] signature = hasher.signature(shingles);
    return new DedupContent(words.length == 0 ? NO_CONTENT : DedupText.fingerprint(words), signature,
        Shingles.distinct(shingles), hasher.bandKeys(signature));
  }

  public boolean hasWords() {
    return !fingerprint.equals(NO_CONTENT);
  }
}
