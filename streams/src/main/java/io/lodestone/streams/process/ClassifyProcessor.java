package io.lodestone.streams.process;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.streams.classify.Classification;
import io.lodestone.streams.classify.ThemeClassifier;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Scores an enriched report's supply-chain themes and relevance (the last stage, so it stamps processed_at). */
public final class ClassifyProcessor implements FixedKeyProcessor<String, EnrichedReport, EnrichedReport> {
  private final ThemeClassifier classifier;
  private FixedKeyProcessorContext<String, EnrichedReport> context;

  public ClassifyProcessor(ThemeClassifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedReport> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedReport> record) {
    context.forward(record.withValue(classify(record.value())));
  }

  /** Sets the report's themes, relevance and taxonomy version. */
  public EnrichedReport classify(EnrichedReport report) {
    Classification classification = classifier.classify(report.getText(), report.getEntities());
    report.setThemes(classification.themes());
    report.setRelevance(classification.relevance());
    report.setTaxonomyVersion(classification.taxonomyVersion());
    report.getProcessing().setProcessedAt(Instant.now());
    return report;
  }
}
