package io.lodestone.producers.fetch;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness towards each host: one request at a time, and at least {@code minIntervalMs} between the
 * end of one request and the start of the next. Callers for a busy host wait their turn (fairly).
 */
public final class HostPoliteness {
  /** Work done while holding a host's turn. */
  @FunctionalInterface
  public interface Request<T> {
    T run() throws FetchException, InterruptedException;
  }

  private final long minIntervalMs;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    long nextAllowedMillis;
  }

  public HostPoliteness(long minIntervalMs) {
    this.minIntervalMs = minIntervalMs;
  }

  public <T> T call(String host, Request<T> request) throws FetchException, InterruptedException {
    Slot slot = slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Slot());
    slot.lock.lockInterruptibly();
    try {
      long wait = slot.nextAllowedMillis - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      return request.run();
    } finally {
      slot.nextAllowedMillis = System.currentTimeMillis() + minIntervalMs;
      slot.lock.unlock();
    }
  }
}
