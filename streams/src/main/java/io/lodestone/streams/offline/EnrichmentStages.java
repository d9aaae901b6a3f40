package io.lodestone.streams.offline;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.classify.Classification;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.enrich.EntityExtractor;
import io.lodestone.streams.process.NormalizeProcessor;
import io.lodestone.streams.process.NormalizedReport;

/**
 * The topology's normalize, enrich and classify stages applied to one report on their own, without
 * deduplication: for what is judged per story (a duplicate's offline output line, the quality figures against
 * per-story labels). Not thread-safe, as the stages' memos are not.
 */
public final class EnrichmentStages {
  private final NormalizeProcessor normalize = new NormalizeProcessor();
  private final EntityExtractor extractor = new EntityExtractor();
  private final ThemeClassifier classifier;

  public EnrichmentStages(ThemeClassifier classifier) {
    this.classifier = classifier;
  }

  public Enrichment enrich(NewsReport report) {
    NormalizedReport normalized = normalize.normalize(report);
    Entities entities = extractor.extract(normalized.text());
    Classification classification = classifier.classify(normalized.text(), entities);
    return new Enrichment(normalized.language(), classification.relevance(), classification.themes(), entities);
  }
}
