package io.lodestone.streams.dedup;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * In-memory index of what the deduplicator remembers: when each report and story was last written to
 * the stores (so that every store read is a point lookup at a known time), the latest report with each
 * content fingerprint, and the reports under each LSH band key. It is derived state: the deduplicator
 * rebuilds it from the changelogged stores when its task starts, so band keys (one per band per report)
 * never cost changelog records, and a lookup is a hash probe instead of a store range scan. Entries
 * leave in time order once older than the retention, as the stores' segments do.
 */
final class DedupIndex {
  /** Absent from a time map: no remembered write is this old. */
  private static final long NONE = Long.MIN_VALUE;
  // Primitive-keyed maps: the index holds every report of the retention window (20 band keys each); boxed
  // HashMap entries took 2,019 instead of 1,653 heap bytes per report (DedupStateFootprint), all of it marked by G1.
  private final Object2LongOpenHashMap<String> reportTimes = timeMap();
  private final Object2LongOpenHashMap<String> storyTimes = timeMap();
  private final Map<String, String> byFingerprint = new HashMap<>();
  /** Band key to one report id (a String) or several (a String[]): most keys name one report. */
  private final Long2ObjectOpenHashMap<Object> byBand = new Long2ObjectOpenHashMap<>();
  private final ArrayDeque<Report> reportsByTime = new ArrayDeque<>();
  private final ArrayDeque<Story> storiesByTime = new ArrayDeque<>();

  /** A remembered report as the index keeps it: no signature, only its band keys. */
  record Report(long timestamp, String reportId, String fingerprint, long[] bandKeys) {}

  record Story(long timestamp, String storyId) {}

  private static Object2LongOpenHashMap<String> timeMap() {
    Object2LongOpenHashMap<String> times = new Object2LongOpenHashMap<>();
    times.defaultReturnValue(NONE);
    return times;
  }

  void addReport(long timestamp, String reportId, String fingerprint, long[] bandKeys) {
    addReport(new Report(timestamp, reportId, fingerprint, bandKeys));
  }

  /** Adds a report written no earlier than those added before it. */
  void addReport(Report report) {
    reportTimes.mergeLong(report.reportId(), report.timestamp(), Math::max);
    if (report.fingerprint() != null) {
      byFingerprint.put(report.fingerprint(), report.reportId());
    }
    for (long key : report.bandKeys()) {
      Object ids = byBand.get(key);
      byBand.put(key, ids == null ? report.reportId() : plus(ids, report.reportId()));
    }
    reportsByTime.addLast(report);
  }

  void addStory(long timestamp, String storyId) {
    addStory(new Story(timestamp, storyId));
  }

  /** Adds a story update written no earlier than those added before it. */
  void addStory(Story story) {
    storyTimes.mergeLong(story.storyId(), story.timestamp(), Math::max);
    storiesByTime.addLast(story);
  }

  /** When the report was last remembered, or null when it is not. */
  Long reportTime(String reportId) {
    return time(reportTimes, reportId);
  }

  /** When the story was last updated, or null when it is not remembered. */
  Long storyTime(String storyId) {
    return time(storyTimes, storyId);
  }

  private static Long time(Object2LongOpenHashMap<String> times, String id) {
    long time = times.getLong(id);
    return time == NONE ? null : time;
  }

  /** The latest remembered report with this fingerprint, or null. */
  String byFingerprint(String fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  /** Reports sharing at least one band key. */
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

  /** Forgets what was written before {@code cutoff} (in arrival order; a late arrival leaves with its neighbours). */
  void expireBefore(long cutoff) {
    while (!reportsByTime.isEmpty() && reportsByTime.peekFirst().timestamp() < cutoff) {
      Report report = reportsByTime.removeFirst();
      reportTimes.remove(report.reportId(), report.timestamp());
      if (report.fingerprint() != null) {
        byFingerprint.remove(report.fingerprint(), report.reportId());
      }
      for (long key : report.bandKeys()) {
        Object ids = byBand.get(key);
        if (ids != null) {
          Object rest = minus(ids, report.reportId());
          if (rest == null) {
            byBand.remove(key);
          } else {
            byBand.put(key, rest);
          }
        }
      }
    }
    while (!storiesByTime.isEmpty() && storiesByTime.peekFirst().timestamp() < cutoff) {
      Story story = storiesByTime.removeFirst();
      storyTimes.remove(story.storyId(), story.timestamp());
    }
  }

  int reports() {
    return reportTimes.size();
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
