package io.lodestone.streams.dedup;

import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayFIFOQueue;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayFIFOQueue;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * In-memory index of what the deduplicator remembers: when each report and story was last written to
 * the stores (so that every store read is a point lookup at a known time), the latest report with each
 * content fingerprint, and the reports under each LSH band key. It is derived state: the deduplicator
 * rebuilds it from the changelogged stores when its task starts, so band keys (one per band per report)
 * never cost changelog records, and a lookup is a hash probe instead of a store range scan. Entries
 * leave in arrival order once older than the retention, as the stores' segments do.
 *
 * <p>It holds every report of the retention window (hundreds of thousands) for the life of the app, so it is
 * laid out for the garbage collector: each report is a slot in primitive arrays (time, fingerprint, and band
 * keys in {@link BandIndex}) plus its id, the only object per report, and the maps are primitive-keyed and point
 * to slots. The earlier layout (a record, a key array and a fingerprint string per report, report ids under
 * each of 20 band keys) took about as much heap per report, but 7 objects and 25 references instead of 2 and 4;
 * in a running app with 440,000 to 730,000 remembered reports, G1's marking and card refinement fell from 46% to
 * 13% of the streams app's CPU (streams/README.md).
 *
 * <p>It holds at most {@code maxReports} reports and as many story updates: past that, the oldest leave early, so
 * that a burst of reports (or a retention window larger than the heap was sized for) makes the deduplicator
 * forget sooner instead of running the app out of heap.
 */
final class DedupIndex {
  private static final int NONE = BandIndex.NONE;

  /** A remembered report as the stores give it back when the index is rebuilt. */
  record Report(long timestamp, String reportId, String fingerprint, long[] bandKeys) {}

  record Story(long timestamp, String storyId) {}

  private final BandIndex bands;
  private final int maxReports;
  /** Per slot: when the report was written, its id, its fingerprint (when it has one). */
  private long[] times = new long[16];
  private String[] ids = new String[16];
  private long[] fingerprints = new long[16];
  private boolean[] fingerprinted = new boolean[16];
  private int slotsUsed;
  private final IntArrayList freeSlots = new IntArrayList();
  private final IntArrayFIFOQueue slotsByArrival = new IntArrayFIFOQueue();
  private final Object2IntOpenHashMap<String> latestSlot = new Object2IntOpenHashMap<>();
  private final Long2IntOpenHashMap byFingerprint = new Long2IntOpenHashMap();

  private final Object2LongOpenHashMap<String> storyTimes = new Object2LongOpenHashMap<>();
  private final LongArrayFIFOQueue storyTimesByArrival = new LongArrayFIFOQueue();
  private final ObjectArrayFIFOQueue<String> storyIdsByArrival = new ObjectArrayFIFOQueue<>();

  /** For signatures of {@code bands} LSH bands, holding at most {@code maxReports} reports. */
  DedupIndex(int bands, int maxReports) {
    this.bands = new BandIndex(bands);
    this.maxReports = maxReports;
    latestSlot.defaultReturnValue(NONE);
    byFingerprint.defaultReturnValue(NONE);
    storyTimes.defaultReturnValue(Long.MIN_VALUE);
  }

  int addReport(Report report) {
    return addReport(report.timestamp(), report.reportId(), report.fingerprint(), report.bandKeys());
  }

  /**
   * Adds a report, which is then the latest with its id and fingerprint ({@code fingerprint} is
   * {@link DedupText#fingerprint}'s hex, or null or empty for a report without words). Reports leave in the
   * order they were added.
   *
   * @return how many of the oldest reports it forgot to make room, before their retention ended (0 or 1)
   */
  int addReport(long timestamp, String reportId, String fingerprint, long[] bandKeys) {
    int forgotten = 0;
    for (; slotsByArrival.size() >= maxReports; forgotten++) {
      forget(slotsByArrival.dequeueInt());
    }
    int slot = freeSlots.isEmpty() ? newSlot() : freeSlots.popInt();
    times[slot] = timestamp;
    ids[slot] = reportId;
    fingerprinted[slot] = fingerprint != null && !fingerprint.isEmpty();
    if (fingerprinted[slot]) {
      fingerprints[slot] = Long.parseUnsignedLong(fingerprint, 16);
      byFingerprint.put(fingerprints[slot], slot);
    }
    bands.add(slot, bandKeys);
    latestSlot.put(reportId, slot);
    slotsByArrival.enqueue(slot);
    return forgotten;
  }

  private int newSlot() {
    int slot = slotsUsed++;
    if (slot == times.length) {
      int capacity = times.length + times.length / 2; // the arrays are most of the index: grown by half, not doubled
      times = Arrays.copyOf(times, capacity);
      ids = Arrays.copyOf(ids, capacity);
      fingerprints = Arrays.copyOf(fingerprints, capacity);
      fingerprinted = Arrays.copyOf(fingerprinted, capacity);
    }
    bands.ensureCapacity(slotsUsed);
    return slot;
  }

  void addStory(Story story) {
    addStory(story.timestamp(), story.storyId());
  }

  /** Adds a story update; the story is known until its latest update leaves. */
  void addStory(long timestamp, String storyId) {
    int canonical = latestSlot.getInt(storyId);
    if (canonical != NONE) {
      storyId = ids[canonical]; // one String for the story and its canonical report, read apart from the stores
    }
    while (storyTimesByArrival.size() >= maxReports) {
      forgetOldestStoryUpdate();
    }
    storyTimes.mergeLong(storyId, timestamp, Math::max);
    storyTimesByArrival.enqueue(timestamp);
    storyIdsByArrival.enqueue(storyId);
  }

  /** When the report was last remembered, or null when it is not. */
  Long reportTime(String reportId) {
    int slot = latestSlot.getInt(reportId);
    return slot == NONE ? null : times[slot];
  }

  /** When the story was last updated, or null when it is not remembered. */
  Long storyTime(String storyId) {
    long time = storyTimes.getLong(storyId);
    return time == storyTimes.defaultReturnValue() ? null : time;
  }

  /** The latest remembered report with this fingerprint, or null. */
  String byFingerprint(String fingerprint) {
    int slot = byFingerprint.get(Long.parseUnsignedLong(fingerprint, 16));
    return slot == NONE ? null : ids[slot];
  }

  /** Reports sharing at least one band key, newest first per key. */
  Set<String> candidates(long[] bandKeys) {
    Set<String> candidates = new LinkedHashSet<>();
    bands.forEachSharing(bandKeys, slot -> candidates.add(ids[slot]));
    return candidates;
  }

  /** Forgets what was written before {@code cutoff} (in arrival order; a late arrival leaves with its neighbours). */
  void expireBefore(long cutoff) {
    while (!slotsByArrival.isEmpty() && times[slotsByArrival.firstInt()] < cutoff) {
      forget(slotsByArrival.dequeueInt());
    }
    while (!storyTimesByArrival.isEmpty() && storyTimesByArrival.firstLong() < cutoff) {
      forgetOldestStoryUpdate();
    }
  }

  /** The story leaves with its latest update; an earlier update leaves alone. */
  private void forgetOldestStoryUpdate() {
    storyTimes.remove(storyIdsByArrival.dequeue(), storyTimesByArrival.dequeueLong());
  }

  private void forget(int slot) {
    latestSlot.remove(ids[slot], slot);
    if (fingerprinted[slot]) {
      byFingerprint.remove(fingerprints[slot], slot);
    }
    bands.remove(slot);
    ids[slot] = null;
    freeSlots.add(slot);
  }

  /** When the oldest remembered report was written, or null when none is. */
  Long oldestReportTime() {
    return slotsByArrival.isEmpty() ? null : times[slotsByArrival.firstInt()];
  }

  /** Remembered report ids. */
  int reports() {
    return latestSlot.size();
  }

  /** Distinct band keys of the remembered reports. */
  int bandKeys() {
    return bands.keyCount();
  }
}
