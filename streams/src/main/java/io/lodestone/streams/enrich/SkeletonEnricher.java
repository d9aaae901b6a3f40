package io.lodestone.streams.enrich;

import io.lodestone.schemas.Dedup;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.Processing;
import io.lodestone.streams.classify.Classification;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.normalize.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The walking skeleton's per-report processing: normalize, fingerprint, extract entities, classify.
 * (Deduplication, which needs state, is the streams issue's.)
 */
public final class SkeletonEnricher {
  private final TextNormalizer normalizer = new TextNormalizer();
  private final EntityExtractor extractor = new EntityExtractor();
  private final ThemeClassifier classifier = new ThemeClassifier();

  public EnrichedReport enrich(NewsReport report, Instant receivedAt) {
    NormalizedText text = normalizer.normalize(report);
    Entities entities = extractor.extract(text);
    Classification classification = classifier.classify(text, entities);
    return EnrichedReport.newBuilder()
        .setReport(report)
        .setText(text)
        .setLanguage(normalizer.language(text, report.getLanguage()))
        .setEntities(entities)
        .setThemes(classification.themes())
        .setRelevance(classification.relevance())
        .setTaxonomyVersion(classification.taxonomyVersion())
        .setDedup(Dedup.newBuilder().setFingerprint(sha256(text.getTitle() + "\n" + text.getBody())).setStoryId(report.getId())
            .setSourcesSeen(List.of(report.getSource().getName())).build())
        .setProcessing(Processing.newBuilder().setReceivedAt(receivedAt).setProcessedAt(Instant.now()).build())
        .build();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
