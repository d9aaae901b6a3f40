package io.lodestone.sink.es;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.schemas.DuplicateNotice;

/**
 * The partial update a duplicate notice makes to its canonical report's document: the duplicate count
 * and the sources seen, as the dedup stage counted them after this duplicate. Sent as
 * {@code update} with {@code doc_as_upsert}, never a script: a notice that arrives before its canonical
 * report creates a stub holding only {@code id} and these counters, which the report then fills in
 * (see {@link ReportDocument#mergeDocument}). Notices of one canonical report share its Kafka key and
 * partition, so they apply in order and the last one wins.
 */
public final class DuplicateDocument {
  private DuplicateDocument() {}

  /** The monthly index of the canonical report, or null when the notice does not say when it was published. */
  public static String indexName(String prefix, DuplicateNotice notice) {
    return notice.getCanonicalPublishedAt() == null ? null : ReportDocument.monthlyIndex(prefix, notice.getCanonicalPublishedAt());
  }

  public static ObjectNode partialUpdate(DuplicateNotice notice) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("id", notice.getDuplicateOf());
    ObjectNode dedup = doc.putObject(ReportDocument.DEDUP);
    dedup.put(ReportDocument.DUPLICATE_COUNT, notice.getCanonicalDuplicateCount());
    notice.getCanonicalSourcesSeen().forEach(dedup.putArray(ReportDocument.SOURCES_SEEN)::add);
    return doc;
  }
}
