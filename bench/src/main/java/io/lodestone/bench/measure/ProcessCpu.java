package io.lodestone.bench.measure;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
    return ProcessTree.snapshot(pids, (root, named) -> cpu(root).map(own ->
        own + ProcessTree.members(root, named).skip(1).mapToLong(member -> cpu(member).orElse(0L)).sum()));
  }

  /** CPU time each process used between two snapshots; only processes present in both. */
  public static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
    return ProcessTree.between(before, after, (start, end) -> Math.max(0, end - start));
  }

  private static Optional<Long> cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos);
  }
}
