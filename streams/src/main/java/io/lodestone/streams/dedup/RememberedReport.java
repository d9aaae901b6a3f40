package io.lodestone.streams.dedup;

/**
 * What the deduplicator remembers of a report for the retention window: the story it belongs to (the
 * canonical report's id; its own id when it is the canonical), its content fingerprint and MinHash
 * signature.
 */
public record RememberedReport(String storyId, String fingerprint, char[] signature) {

  public boolean isCanonical(String reportId) {
    return storyId.equals(reportId);
  }
}
