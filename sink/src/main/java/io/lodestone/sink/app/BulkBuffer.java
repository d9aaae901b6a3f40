package io.lodestone.sink.app;

import io.lodestone.sink.es.BulkAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects actions into the next {@code _bulk} request, bounded by actions and bytes, and says when it is
 * due: full, or holding an action older than the flush interval. Used by the consumer thread only.
 */
final class BulkBuffer<T> {
  private final int maxActions;
  private final long maxBytes;
  private final long flushIntervalMs;
  private List<BulkAction<T>> actions = new ArrayList<>();
  private long bytes;
  private long oldestMs;

  BulkBuffer(int maxActions, long maxBytes, long flushIntervalMs) {
    this.maxActions = maxActions;
    this.maxBytes = maxBytes;
    this.flushIntervalMs = flushIntervalMs;
  }

  /** Whether the action fits in the current request; an empty request takes any action, however large. */
  boolean fits(BulkAction<T> action) {
    return actions.isEmpty() || (actions.size() < maxActions && bytes + action.size() <= maxBytes);
  }

  void add(BulkAction<T> action, long nowMs) {
    if (actions.isEmpty()) {
      oldestMs = nowMs;
    }
    actions.add(action);
    bytes += action.size();
  }

  boolean isFull() {
    return actions.size() >= maxActions || bytes >= maxBytes;
  }

  boolean isDue(long nowMs) {
    return !actions.isEmpty() && (isFull() || nowMs - oldestMs >= flushIntervalMs);
  }

  /**
   * Whether to send the request now: it is due, or it holds something and waiting cannot fill it (the
   * consumer has caught up with the topics) or only adds latency (no request is in flight, so Elasticsearch
   * is idle). While requests are in flight it keeps filling, so batches grow with the load.
   */
  boolean shouldSend(long nowMs, boolean caughtUp, boolean noneInFlight) {
    return isDue(nowMs) || (!actions.isEmpty() && (caughtUp || noneInFlight));
  }

  /** Milliseconds until the oldest action is due; the flush interval when empty. */
  long millisUntilDue(long nowMs) {
    return actions.isEmpty() ? flushIntervalMs : Math.max(0, oldestMs + flushIntervalMs - nowMs);
  }

  /** The actions collected so far; the buffer starts over empty. */
  List<BulkAction<T>> drain() {
    List<BulkAction<T>> drained = actions;
    actions = new ArrayList<>();
    bytes = 0;
    return drained;
  }
}
