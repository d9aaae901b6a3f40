package io.lodestone.streams.offline;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.ThemeScore;
import java.util.List;

/** What the enrich and classify stages found in one report: the enrichment fields of its offline output line. */
public record Enrichment(String language, double relevance, List<ThemeScore> themes, Entities entities) {

  static Enrichment of(EnrichedReport report) {
    return new Enrichment(report.getLanguage(), report.getRelevance(), report.getThemes(), report.getEntities());
  }
}
