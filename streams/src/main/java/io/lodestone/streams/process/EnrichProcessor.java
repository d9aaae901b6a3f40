package io.lodestone.streams.process;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Processing;
import io.lodestone.streams.dedup.DedupOutcome;
import io.lodestone.streams.enrich.EntityExtractor;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Extracts the entities of a canonical report; the record timestamp is when the report was received. */
public final class EnrichProcessor implements FixedKeyProcessor<String, DedupOutcome.Canonical, EnrichedReport> {
  private final EntityExtractor extractor = new EntityExtractor();
  private FixedKeyProcessorContext<String, EnrichedReport> context;

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedReport> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, DedupOutcome.Canonical> record) {
    context.forward(record.withValue(enrich(record.value(), record.timestamp())));
  }

  public EnrichedReport enrich(DedupOutcome.Canonical canonical, long receivedAt) {
    NormalizedReport normalized = canonical.report();
    return EnrichedReport.newBuilder()
        .setReport(normalized.report())
        .setText(normalized.text())
        .setLanguage(normalized.language())
        .setEntities(extractor.extract(normalized.text()))
        .setDedup(canonical.dedup())
        .setProcessing(Processing.newBuilder().setReceivedAt(Instant.ofEpochMilli(receivedAt))
            .setProcessedAt(Instant.now()).build())
        .build();
  }
}
