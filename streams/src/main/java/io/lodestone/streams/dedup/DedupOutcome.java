package io.lodestone.streams.dedup;

import io.lodestone.schemas.Dedup;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.streams.process.NormalizedReport;

/** What deduplication made of a report: a canonical report to enrich, or a copy of one. */
public sealed interface DedupOutcome {

  /** The first-seen report of a story (or an update of it): goes on to enrichment. */
  record Canonical(NormalizedReport report, Dedup dedup) implements DedupOutcome {}

  /** A later copy: goes to the duplicates topic, keyed by the canonical report's id. */
  record Duplicate(DuplicateNotice notice) implements DedupOutcome {}
}
