package io.lodestone.streams.dedup;

import static io.lodestone.streams.TestReports.copy;
import static io.lodestone.streams.TestReports.report;
import static io.lodestone.streams.TestReports.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.ReportPipeline;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deduplicator rebuilding its index from RocksDB stores written by an earlier run, as a restarted app does. */
class DedupIndexRebuildTest {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
  private final List<NewsReport> stories = List.of(report("a1", "wire", "One", text(1, 300), T0),
      report("b2", "wire", "Two", text(3, 300), T0.plusSeconds(60)), report("c3", "wire", "Three", text(4, 300), T0.plusSeconds(120)));

  @TempDir
  File state;

  @Test
  void aSmallerIndexTakesTheNewestRemembered() {
    try (ReportPipeline first = new ReportPipeline(state, Map.of())) {
      stories.forEach(first::process);
    }
    try (ReportPipeline restarted = new ReportPipeline(state, Map.of(StreamsAppConfig.DEDUP_MAX_REPORTS, 2))) {
      assertThat(restarted.process(copyOf(stories.get(1), "x1"))).as("b2 is among the 2 newest: a copy is a duplicate").isNull();
      assertThat(restarted.process(copyOf(stories.get(0), "x2"))).as("a1 is not: a copy is canonical").isNotNull();
    }
  }

  @Test
  void theStoresStillHoldWhatASmallerIndexLeftOut() {
    try (ReportPipeline first = new ReportPipeline(state, Map.of(StreamsAppConfig.DEDUP_MAX_REPORTS, 1))) {
      stories.forEach(first::process);
    }
    try (ReportPipeline restarted = new ReportPipeline(state, Map.of())) {
      assertThat(restarted.process(copyOf(stories.get(0), "x1"))).as("a1 left the index early, not the stores").isNull();
    }
  }

  private static NewsReport copyOf(NewsReport story, String id) {
    return copy(story, id, "herald", story.getBody(), story.getPublishedAt().plusSeconds(600));
  }
}
