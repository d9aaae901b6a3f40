package io.lodestone.streams.dedup;

/**
 * What the deduplicator remembers of a report for the retention window: the story it belongs to (the
 * canonical report's id; its own id when it is the canonical), its content fingerprint, MinHash
 * signature, and how many different shingles the signature was made of ({@code 0} when unknown: state
 * written before that was remembered).
 */
public record RememberedReport(String storyId, String fingerprint, char[] signature, int shingles) {

  public boolean isCanonical(String reportId) {
    return storyId.equals(reportId);
  }
}
