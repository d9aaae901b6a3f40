package io.lodestone.sink.app;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed: per partition, the lowest offset still unresolved (neither indexed nor
 * dead-lettered), or the next offset to read when all are resolved. Requests complete out of order when
 * several are in flight; a commit never passes a record that is not safe yet. Thread-safe: the consumer
 * thread tracks and commits, bulk workers complete.
 */
final class OffsetTracker {
  private final Map<TopicPartition, TreeSet<Long>> unresolved = new HashMap<>();
  private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
  private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();

  /** A record was read; in poll order per partition. */
  synchronized void track(TopicPartition partition, long offset) {
    unresolved.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
    nextOffset.merge(partition, offset + 1, Math::max);
  }

  /** A record was indexed or dead-lettered. */
  synchronized void resolve(TopicPartition partition, long offset) {
    TreeSet<Long> offsets = unresolved.get(partition);
    if (offsets != null) {
      offsets.remove(offset);
    }
  }

  /** Safe offsets of the given partitions that moved since the last call, to commit. */
  synchronized Map<TopicPartition, OffsetAndMetadata> advanced(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      Long safe = safeOffset(partition);
      if (safe != null && !safe.equals(lastCommitted.get(partition))) {
        offsets.put(partition, new OffsetAndMetadata(safe));
        lastCommitted.put(partition, safe);
      }
    }
    return offsets;
  }

  /** Safe offsets of the given partitions, moved or not: for the commit before they are given up. */
  synchronized Map<TopicPartition, OffsetAndMetadata> safe(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      Long safe = safeOffset(partition);
      if (safe != null) {
        offsets.put(partition, new OffsetAndMetadata(safe));
        lastCommitted.put(partition, safe);
      }
    }
    return offsets;
  }

  /** Partitions given up in a rebalance: their new owner starts from the last commit. */
  synchronized void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> {
      unresolved.remove(partition);
      nextOffset.remove(partition);
      lastCommitted.remove(partition);
    });
  }

  /** Records read but not resolved yet, over all partitions. */
  synchronized int unresolvedCount() {
    return unresolved.values().stream().mapToInt(TreeSet::size).sum();
  }

  private Long safeOffset(TopicPartition partition) {
    Long next = nextOffset.get(partition);
    if (next == null) {
      return null;
    }
    TreeSet<Long> offsets = unresolved.get(partition);
    return offsets == null || offsets.isEmpty() ? next : offsets.first();
  }
}
