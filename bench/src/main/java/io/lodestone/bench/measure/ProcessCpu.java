package io.lodestone.bench.measure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time that processes (each with its descendants) used during a phase, so that a throughput figure
 * comes with where its CPU went: on a machine where every server shares the same cores, the sum per
 * report bounds the rate.
 */
public final class ProcessCpu {
  private ProcessCpu() {}

  /**
   * Cumulative CPU time of each named process with its descendants, in nanoseconds, not counting the
   * descendants that are named themselves (the bench starts the stack when it is down, so the stack's servers
   * are then its children) nor theirs. A process that has gone or whose time the operating system does not
   * tell is left out.
   */
  public static Map<String, Long> snapshot(Map<String, Long> pids) {
    Set<Long> named = Set.copyOf(pids.values());
    Map<String, Long> times = new LinkedHashMap<>();
    pids.forEach((name, pid) -> ProcessHandle.of(pid).flatMap(root -> ofTree(root, named)).ifPresent(nanos -> times.put(name, nanos)));
    return times;
  }

  /** CPU time each process used between two snapshots; only processes present in both. */
  public static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> used = new LinkedHashMap<>();
    after.forEach((name, nanos) -> {
      Long start = before.get(name);
      if (start != null) {
        used.put(name, Math.max(0, nanos - start));
      }
    });
    return used;
  }

  private static Optional<Long> ofTree(ProcessHandle root, Set<Long> named) {
    return cpu(root).map(own -> {
      try (Stream<ProcessHandle> children = root.children()) {
        return own + children.filter(child -> !named.contains(child.pid()))
            .mapToLong(child -> ofTree(child, named).orElse(0L)).sum();
      }
    });
  }

  private static Optional<Long> cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos);
  }
}
