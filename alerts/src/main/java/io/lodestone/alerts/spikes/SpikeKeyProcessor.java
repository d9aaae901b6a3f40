package io.lodestone.alerts.spikes;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns a report into one record per spike key it counts for (theme:..., mineral:..., country:...),
 * valued with the report id and stamped with the time that places it in a window.
 */
public final class SpikeKeyProcessor implements Processor<String, EnrichedReport, String, String> {
  private final SpikeParameters parameters;
  private ProcessorContext<String, String> context;

  public SpikeKeyProcessor(SpikeParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, EnrichedReport> record) {
    EnrichedReport report = record.value();
    if (report == null || report.getDedup().getDuplicateOf() != null) {
      return;
    }
    long timestamp = windowTime(report.getReport(), record.timestamp());
    String reportId = report.getReport().getId();
    for (Dimension dimension : parameters.dimensions()) {
      for (String value : dimension.values(report)) {
        context.forward(new Record<>(dimension.key(value), reportId, timestamp));
      }
    }
  }

  private long windowTime(NewsReport report, long recordTimestamp) {
    if (parameters.byPublished() && report.getPublishedAt() != null) {
      return report.getPublishedAt().toEpochMilli();
    }
    return recordTimestamp;
  }
}
