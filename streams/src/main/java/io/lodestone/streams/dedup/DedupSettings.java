package io.lodestone.streams.dedup;

import io.lodestone.streams.StreamsAppConfig;
import java.time.Duration;

/**
 * The deduplicator's options (see {@link StreamsAppConfig} for their meaning and defaults), with
 * {@code maxReports} resolved: {@code dedup.max.reports} 0 becomes what the heap holds.
 */
public record DedupSettings(Duration retention, double threshold, int shingleSize, int bins, int bands, int rows,
    boolean inMemory, int maxReports) {
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
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE,
        maxHeapBytes / 100 * StreamsAppConfig.DEDUP_HEAP_PERCENT / StreamsAppConfig.DEDUP_HEAP_BYTES_PER_REPORT));
  }

  public MinHasher minHasher() {
    return new MinHasher(bins, bands, rows);
  }
}
