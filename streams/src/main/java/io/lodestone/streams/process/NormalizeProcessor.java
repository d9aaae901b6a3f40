package io.lodestone.streams.process;

import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.streams.normalize.TextNormalizer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Normalizes a raw report's text and detects its language. */
public final class NormalizeProcessor implements FixedKeyProcessor<String, NewsReport, NormalizedReport> {
  private final TextNormalizer normalizer = new TextNormalizer();
  private FixedKeyProcessorContext<String, NormalizedReport> context;

  @Override
  public void init(FixedKeyProcessorContext<String, NormalizedReport> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, NewsReport> record) {
    context.forward(record.withValue(normalize(record.value())));
  }

  public NormalizedReport normalize(NewsReport report) {
    NormalizedText text = normalizer.normalize(report);
    return new NormalizedReport(report, text, normalizer.language(text, report.getLanguage()));
  }
}
