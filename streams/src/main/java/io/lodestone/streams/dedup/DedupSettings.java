package io.lodestone.streams.dedup;

import io.lodestone.streams.StreamsAppConfig;
import java.time.Duration;

/**
 * The deduplicator's options (see {@link StreamsAppConfig} for their meaning and defaults), with
 * {@code maxReports} resolved: {@code dedup.max.reports} 0 becomes what the heap holds.
 */
public record DedupSettings(Duration retention, double threshold, int shingleSize, int bins, int bands, int rows,
    boolean inMemory, int maxReports) {
  /** Share of the maximum heap that {@code dedup.max.reports} 0 gives the index, in percent. */
  public static final int HEAP_PERCENT = 60;
  /**
   * Heap per remembered report, with room to spare: {@code DedupStateFootprint} measured 1,320 bytes in the pipeline
   * with 40,000 reports, and the running app 850 with 743,359 and 640 with 1,298,816 (streams/README.md). The
   * room goes to the rebuild, which holds the newest reports' band keys before the index takes them, and to the
   * garbage collector.
   */
  public static final int HEAP_BYTES_PER_REPORT = 1_300;

  public static DedupSettings from(StreamsAppConfig config) {
    int maxReports = config.getInt(StreamsAppConfig.DEDUP_MAX_REPORTS);
    return new DedupSettings(Duration.ofMillis(config.getLong(StreamsAppConfig.DEDUP_RETENTION_MS)),
        config.getDouble(StreamsAppConfig.DEDUP_SIMILARITY_THRESHOLD), config.getInt(StreamsAppConfig.DEDUP_SHINGLE_SIZE),
        config.getInt(StreamsAppConfig.DEDUP_SIGNATURE_BINS), config.getInt(StreamsAppConfig.DEDUP_LSH_BANDS),
        config.getInt(StreamsAppConfig.DEDUP_LSH_ROWS),
        StreamsAppConfig.STORE_IN_MEMORY.equals(config.getString(StreamsAppConfig.DEDUP_STORE)),
        maxReports > 0 ? maxReports : reportsFitting(Runtime.getRuntime().maxMemory()));
  }

  /** How many reports the index may hold in a heap of {@code maxHeapBytes}. */
  static int reportsFitting(long maxHeapBytes) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxHeapBytes / 100 * HEAP_PERCENT / HEAP_BYTES_PER_REPORT));
  }

  public MinHasher minHasher() {
    return new MinHasher(bins, bands, rows);
  }
}
