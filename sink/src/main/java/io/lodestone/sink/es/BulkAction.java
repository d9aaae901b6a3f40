package io.lodestone.sink.es;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One write of a {@code _bulk} request, with the caller's handle to what it came from (for offsets and
 * dead letters).
 * <ul>
 *   <li>{@link Op#CREATE}: a report's full document, as JSON bytes. If the document exists already (a
 *       replay, or a stub that a duplicate notice created first) it is merged in instead, see {@link #asMerge()}.
 *   <li>{@link Op#UPSERT}: a partial document, {@code update} with {@code doc_as_upsert}.
 * </ul>
 */
public record BulkAction<T>(Op op, String index, String id, byte[] json, ObjectNode doc, T handle) {
  public enum Op { CREATE, UPSERT }

  /** Rough size of a partial document, which is small (counters, or a merge that is rare). */
  private static final int PARTIAL_DOC_BYTES = 256;

  public static <T> BulkAction<T> create(String index, String id, byte[] json, T handle) {
    return new BulkAction<>(Op.CREATE, index, id, json, null, handle);
  }

  public static <T> BulkAction<T> upsert(String index, String id, ObjectNode doc, T handle) {
    return new BulkAction<>(Op.UPSERT, index, id, null, doc, handle);
  }

  /** Bytes this action adds to a request's body, for the request size bound. */
  public long size() {
    return (json != null ? json.length : PARTIAL_DOC_BYTES) + index.length() + id.length() + 64;
  }

  /** The upsert that merges this report into its existing document, leaving the duplicate counters alone. */
  public BulkAction<T> asMerge() {
    return upsert(index, id, ReportDocument.mergeDocument(json), handle);
  }
}
