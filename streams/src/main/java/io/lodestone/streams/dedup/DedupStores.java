package io.lodestone.streams.dedup;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The deduplicator's state: persistent RocksDB window stores with changelogs (in-memory ones for
 * offline runs), so that whole time
 * segments older than the retention are dropped (bounded state without scans) and a restarted or moved
 * task restores them. Each entry's window start is the record time it was last written at.
 */
public final class DedupStores {
  /** Report id to {@link RememberedReport}: which story it belongs to, fingerprint, signature. */
  public static final String REPORTS = "dedup-reports";
  /** Canonical report id to {@link StoryState}: duplicate count, sources seen, index date. */
  public static final String STORIES = "dedup-stories";

  /** Window stores only need a size for windowed aggregations; ours hold one entry per key and time. */
  private static final Duration ENTRY_WINDOW = Duration.ofMillis(1);

  private DedupStores() {}

  public static StoreBuilder<WindowStore<String, RememberedReport>> reports(DedupSettings settings) {
    return Stores.windowStoreBuilder(supplier(REPORTS, settings), Serdes.String(), DedupStateSerdes.rememberedReport());
  }

  public static StoreBuilder<WindowStore<String, StoryState>> stories(DedupSettings settings) {
    return Stores.windowStoreBuilder(supplier(STORIES, settings), Serdes.String(), DedupStateSerdes.storyState());
  }

  private static WindowBytesStoreSupplier supplier(String name, DedupSettings settings) {
    return settings.inMemory() ? Stores.inMemoryWindowStore(name, settings.retention(), ENTRY_WINDOW, false)
        : Stores.persistentWindowStore(name, settings.retention(), ENTRY_WINDOW, false);
  }
}
