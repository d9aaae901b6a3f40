package io.lodestone.schemas;

import org.apache.avro.Schema;

/**
 * The value schema each kind of Lodestone topic carries. Topic names are configuration (the apps'
 * options hold the defaults), so they are not here; the subject of a topic's values is
 * {@code <topic>-value} (TopicNameStrategy).
 */
public enum TopicContract {
  /** Reports as producers received them; key: report id. */
  RAW_REPORTS(NewsReport.getClassSchema()),
  /** Reports after normalization, deduplication, enrichment and classification; key: report id. */
  ENRICHED_REPORTS(EnrichedReport.getClassSchema()),
  /** Reports judged duplicates of a canonical report; key: canonical report id. */
  DUPLICATES(DuplicateNotice.getClassSchema()),
  /** Records a stage could not process; key: the original record's key. */
  DEAD_LETTERS(DeadLetter.getClassSchema()),
  /** Alerts for subscribers; key: alert id. */
  ALERTS(SupplyChainAlert.getClassSchema());

  private final Schema valueSchema;

  TopicContract(Schema valueSchema) {
    this.valueSchema = valueSchema;
  }

  public Schema valueSchema() {
    return valueSchema;
  }
}
