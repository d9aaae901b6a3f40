package io.lodestone.streams.dedup;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * In-memory lookup of remembered reports by content fingerprint and by LSH band key. It is derived
 * state: the deduplicator rebuilds it from the changelogged reports store when its task starts, so the
 * band keys (one per band per report) never cost changelog records, and a lookup is a hash probe per
 * band instead of a RocksDB range scan. Entries leave in time order once older than the retention.
 */
final class CandidateIndex {
  private final Map<String, String> byFingerprint = new HashMap<>();
  /** Band key to one report id (a String) or several (a String[]): most keys name one report. */
  private final Map<Long, Object> byBand = new HashMap<>();
  private final ArrayDeque<Entry> byTime = new ArrayDeque<>();

  private record Entry(long timestamp, String reportId, String fingerprint, long[] bandKeys) {}

  void add(long timestamp, String reportId, String fingerprint, long[] bandKeys) {
    byFingerprint.put(fingerprint, reportId);
    for (long key : bandKeys) {
      byBand.merge(key, reportId, CandidateIndex::plus);
    }
    byTime.addLast(new Entry(timestamp, reportId, fingerprint, bandKeys));
  }

  /** The latest remembered report with this fingerprint, or null. */
  String byFingerprint(String fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  /** Reports sharing at least one band key, in the order they were remembered. */
  Set<String> candidates(long[] bandKeys) {
    Set<String> candidates = new LinkedHashSet<>();
    for (long key : bandKeys) {
      Object ids = byBand.get(key);
      if (ids instanceof String id) {
        candidates.add(id);
      } else if (ids != null) {
        candidates.addAll(Arrays.asList((String[]) ids));
      }
    }
    return candidates;
  }

  /** Forgets the reports remembered before {@code cutoff} (in arrival order; a late arrival leaves with its neighbours). */
  void expireBefore(long cutoff) {
    while (!byTime.isEmpty() && byTime.peekFirst().timestamp() < cutoff) {
      Entry entry = byTime.removeFirst();
      byFingerprint.remove(entry.fingerprint(), entry.reportId());
      for (long key : entry.bandKeys()) {
        byBand.computeIfPresent(key, (k, ids) -> minus(ids, entry.reportId()));
      }
    }
  }

  int size() {
    return byTime.size();
  }

  private static Object plus(Object ids, Object id) {
    if (ids instanceof String single) {
      return single.equals(id) ? single : new String[] {single, (String) id};
    }
    String[] many = (String[]) ids;
    if (Arrays.asList(many).contains(id)) {
      return many;
    }
    String[] more = Arrays.copyOf(many, many.length + 1);
    more[many.length] = (String) id;
    return more;
  }

  private static Object minus(Object ids, String id) {
    if (ids instanceof String single) {
      return single.equals(id) ? null : single;
    }
    String[] rest = Arrays.stream((String[]) ids).filter(other -> !other.equals(id)).toArray(String[]::new);
    return rest.length == 0 ? null : rest.length == 1 ? rest[0] : rest;
  }
}
