package io.lodestone.streams.enrich;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Turns each raw report into an enriched one; the record timestamp is when the report was received. */
public final class EnrichProcessor implements FixedKeyProcessor<String, NewsReport, EnrichedReport> {
  private final SkeletonEnricher enricher = new SkeletonEnricher();
  private FixedKeyProcessorContext<String, EnrichedReport> context;

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedReport> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, NewsReport> record) {
    context.forward(record.withValue(enricher.enrich(record.value(), Instant.ofEpochMilli(record.timestamp()))));
  }
}
