package io.lodestone.streams.offline;

import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.EnrichedReport;

/**
 * What the topology emitted for one input: an enriched canonical report, a duplicate notice, a dead
 * letter, or nothing (a re-delivered report dropped as already seen).
 */
public record OfflineResult(String reportId, String url, EnrichedReport enriched, DuplicateNotice duplicate,
    DeadLetter deadLetter) {

  public boolean isDuplicate() {
    return duplicate != null;
  }

  public boolean isDropped() {
    return enriched == null && duplicate == null && deadLetter == null;
  }
}
