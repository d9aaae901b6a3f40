package io.lodestone.alerts.rules;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.SupplyChainAlert;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits one alert, keyed by its stable id, for every rule that holds for an enriched report. Duplicates
 * raise no alert: their canonical report already did.
 */
public final class RuleAlertProcessor implements Processor<String, EnrichedReport, String, SupplyChainAlert> {
  private static final Logger LOG = LoggerFactory.getLogger(RuleAlertProcessor.class);

  private final Supplier<RuleSet> rules;
  private ProcessorContext<String, SupplyChainAlert> context;

  /** @param rules the rules in force, asked for each report (so that a re-read file applies at once) */
  public RuleAlertProcessor(Supplier<RuleSet> rules) {
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<String, SupplyChainAlert> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, EnrichedReport> record) {
    EnrichedReport report = record.value();
    if (report == null) {
      LOG.warn("skipping a record without value (key {}): the enriched topic carries reports only", record.key());
      return;
    }
    if (report.getDedup().getDuplicateOf() != null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    for (RuleMatch match : RuleEvaluator.evaluate(rules.get(), report)) {
      SupplyChainAlert alert = RuleAlerts.alert(match, report, now);
      LOG.info("rule alert {} ({} {}) for report {}", alert.getId(), alert.getSeverity(), alert.getRule(),
          report.getReport().getId());
      context.forward(record.withKey(alert.getId()).withValue(alert));
    }
  }
}
