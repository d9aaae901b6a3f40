package io.lodestone.streams.offline;

import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.EnrichedReport;

/**
 * What the topology emitted for one input: an enriched canonical report, a duplicate notice, a dead
 * letter, or nothing (a re-delivered report dropped as already seen).
 *
 * @param enrichment the report's own themes and entities: the enriched report's for a canonical report, and for a
 *     duplicate given as a report (which the topology does not enrich) what the same stages find in it; null
 *     otherwise (a duplicate given as raw bytes, a dropped re-delivery, a dead letter)
 */
public record OfflineResult(String reportId, String url, EnrichedReport enriched, DuplicateNotice duplicate,
    DeadLetter deadLetter, Enrichment enrichment) {

  public boolean isDuplicate() {
    return duplicate != null;
  }

  public boolean isDropped() {
    return enriched == null && duplicate == null && deadLetter == null;
  }
}
