package io.lodestone.streams.dedup;

import io.lodestone.streams.StreamsAppConfig;
import java.time.Duration;

/** The deduplicator's options (see {@link StreamsAppConfig} for their meaning and defaults). */
public record DedupSettings(Duration retention, double threshold, int shingleSize, int bins, int bands, int rows,
    boolean inMemory) {

  public static DedupSettings from(StreamsAppConfig config) {
    return new DedupSettings(Duration.ofMillis(config.getLong(StreamsAppConfig.DEDUP_RETENTION_MS)),
        config.getDouble(StreamsAppConfig.DEDUP_SIMILARITY_THRESHOLD), config.getInt(StreamsAppConfig.DEDUP_SHINGLE_SIZE),
        config.getInt(StreamsAppConfig.DEDUP_SIGNATURE_BINS), config.getInt(StreamsAppConfig.DEDUP_LSH_BANDS),
        config.getInt(StreamsAppConfig.DEDUP_LSH_ROWS),
        StreamsAppConfig.STORE_IN_MEMORY.equals(config.getString(StreamsAppConfig.DEDUP_STORE)));
  }

  public MinHasher minHasher() {
    return new MinHasher(bins, bands, rows);
  }
}
