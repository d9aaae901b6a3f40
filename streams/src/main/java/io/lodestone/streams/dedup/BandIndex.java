package io.lodestone.streams.dedup;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The remembered reports under each LSH band key, for {@link DedupIndex}: each key maps to the newest report
 * (a slot number) that has it, and each report's band links to the next older and the next newer report with
 * the same key, a doubly linked chain. Adding a report and forgetting one are O(bands), and nothing here is an
 * object or a reference: the index holds every report of the retention window with 20 band keys each, and
 * references in large long-lived arrays are what a garbage collector works on (each one marked in every
 * cycle, each write into an old array refined), so a map of band keys to report ids was most of the streams
 * app's GC work.
 *
 * <p>Keys are kept as 32 bits of the 64-bit band key: half the memory of the largest structure here (a map
 * entry per band per report). Two different band keys then meet by chance with probability 2^-32 per pair,
 * which makes a report a candidate that shares no band; the deduplicator confirms every candidate by its
 * estimated similarity, so this costs an occasional extra comparison (about 0.05 per report with 500,000
 * remembered), never a wrong verdict. Not thread-safe.
 */
final class BandIndex {
  static final int NONE = -1;
  /** Marks a band whose (32-bit) key an earlier band of the same report has: it is linked there only. */
  private static final int REPEATED = -2;

  private final int bands;
  private final Int2IntOpenHashMap newest = new Int2IntOpenHashMap();
  /** Per slot and band: the band key, the older and newer slot with that key; per slot, how many bands it has. */
  private int[] keys = new int[0];
  private int[] older = new int[0];
  private int[] newer = new int[0];
  private int[] counts = new int[0];

  BandIndex(int bands) {
    this.bands = bands;
    newest.defaultReturnValue(NONE);
  }

  /** Makes room for slots below {@code slots}. */
  void ensureCapacity(int slots) {
    if (slots > counts.length) {
      int capacity = Math.max(slots, Math.max(16, counts.length + counts.length / 2));
      keys = Arrays.copyOf(keys, capacity * bands);
      older = Arrays.copyOf(older, capacity * bands);
      newer = Arrays.copyOf(newer, capacity * bands);
      counts = Arrays.copyOf(counts, capacity);
    }
  }

  /** Files a report's band keys (none, for a report without words) under its slot, as the newest with each key. */
  void add(int slot, long[] bandKeys) {
    if (bandKeys.length > bands) {
      throw new IllegalArgumentException(bandKeys.length + " band keys for an index of " + bands + " bands");
    }
    counts[slot] = bandKeys.length;
    for (int band = 0; band < bandKeys.length; band++) {
      int at = slot * bands + band;
      int key = fold(bandKeys[band]);
      keys[at] = key;
      newer[at] = NONE;
      int previous = newest.put(key, slot);
      older[at] = previous == slot ? REPEATED : previous;
      if (previous != NONE && previous != slot) {
        newer[position(previous, key, band)] = slot;
      }
    }
  }

  /** Unlinks a slot's band keys; keys that no other report has are dropped. */
  void remove(int slot) {
    for (int band = 0; band < counts[slot]; band++) {
      int at = slot * bands + band;
      int key = keys[at];
      if (older[at] == REPEATED) {
        continue;
      }
      int olderSlot = older[at];
      int newerSlot = newer[at];
      if (newerSlot == NONE) {
        if (olderSlot == NONE) {
          newest.remove(key);
        } else {
          newest.put(key, olderSlot);
        }
      } else {
        older[position(newerSlot, key, band)] = olderSlot;
      }
      if (olderSlot != NONE) {
        newer[position(olderSlot, key, band)] = newerSlot;
      }
    }
    counts[slot] = 0;
  }

  /** Calls {@code slots} with each slot that has one of the keys (a slot once per key it shares), newest first. */
  void forEachSharing(long[] bandKeys, IntConsumer slots) {
    for (int band = 0; band < bandKeys.length; band++) {
      int key = fold(bandKeys[band]);
      for (int slot = newest.get(key); slot != NONE; slot = older[position(slot, key, band)]) {
        slots.accept(slot);
      }
    }
  }

  private static int fold(long bandKey) {
    return (int) (bandKey ^ (bandKey >>> 32));
  }

  int keyCount() {
    return newest.size();
  }

  /**
   * Where the slot links the key: at the given band's position, as keys are band-specific hashes, unless the
   * slot has that 32-bit key in another band (keys of different bands can match by chance).
   */
  private int position(int slot, int key, int band) {
    int base = slot * bands;
    if (band < counts[slot] && keys[base + band] == key && older[base + band] != REPEATED) {
      return base + band;
    }
    for (int other = 0; other < counts[slot]; other++) {
      if (keys[base + other] == key && older[base + other] != REPEATED) {
        return base + other;
      }
    }
    throw new IllegalStateException("slot " + slot + " does not have band key " + key);
  }
}
