package io.lodestone.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a JVM's CPU time divides between its garbage collector, its JIT compiler and everything else, read
 * per thread from {@code /proc/<pid>/task/<tid>/stat} (Linux) and sorted by HotSpot's thread names. A
 * process's CPU per report says how much it costs; this says whether the cost is its work or the JVM's upkeep
 * (a large in-heap state that G1 keeps marking, code still being compiled after a start). A process counts
 * with its descendants as {@link ProcessTree} says: Elasticsearch's server JVM is a child of its launcher.
 */
public final class JvmThreadCpu {
  /** Clock ticks of a process's threads over a phase: GC threads, JIT compiler threads, all threads. */
  public record Split(long gc, long jit, long all) {
    public double gcShare() {
      return all <= 0 ? 0 : (double) gc / all;
    }

    public double jitShare() {
      return all <= 0 ? 0 : (double) jit / all;
    }
  }

  enum Kind { GC, JIT, OTHER }

  record ThreadTicks(Kind kind, long ticks) {}

  /** The threads of one process tree at one moment, by thread id. */
  public static final class Snapshot {
    private final Map<Long, ThreadTicks> threads;

    Snapshot(Map<Long, ThreadTicks> threads) {
      this.threads = threads;
    }
  }

  private JvmThreadCpu() {}

  /** Each named process's threads now; processes without {@code /proc} entries are left out. */
  public static Map<String, Snapshot> snapshot(Map<String, Long> pids) {
    return ProcessTree.snapshot(pids, (root, named) -> {
      Snapshot snapshot = new Snapshot(new HashMap<>());
      ProcessTree.members(root, named).forEach(member -> addThreads(member.pid(), snapshot));
      return snapshot.threads.isEmpty() ? Optional.empty() : Optional.of(snapshot);
    });
  }

  /**
   * What each process's threads used between two snapshots, only processes present in both: threads that
   * ended meanwhile are left out (their last ticks are gone with them), threads that started count whole (also
   * one that has an ended thread's id, which the kernel may give again: it shows fewer ticks than that one had).
   */
  public static Map<String, Split> between(Map<String, Snapshot> before, Map<String, Snapshot> after) {
    return ProcessTree.between(before, after, JvmThreadCpu::used);
  }

  private static Split used(Snapshot start, Snapshot end) {
    long gc = 0;
    long jit = 0;
    long all = 0;
    for (Map.Entry<Long, ThreadTicks> thread : end.threads.entrySet()) {
      ThreadTicks earlier = start.threads.get(thread.getKey());
      long now = thread.getValue().ticks();
      long ticks = earlier == null || now < earlier.ticks() ? now : now - earlier.ticks();
      all += ticks;
      gc += thread.getValue().kind() == Kind.GC ? ticks : 0;
      jit += thread.getValue().kind() == Kind.JIT ? ticks : 0;
    }
    return new Split(gc, jit, all);
  }

  private static void addThreads(long pid, Snapshot snapshot) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return;
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        read(thread.resolve("stat")).ifPresent(stat ->
            snapshot.threads.put(Long.parseLong(thread.getFileName().toString()), new ThreadTicks(kind(name(stat)), ticks(stat))));
      }
    } catch (IOException | UncheckedIOException e) {
      // the process ended while we looked: what was read stays
    }
  }

  /**
   * HotSpot's names (as the kernel keeps them, cut to 15 characters): "GC Thread#0", "G1 Conc#0", "G1 Refine#0",
   * "G1 Main Marker", "G1 Service" for G1; "C2 CompilerThre", "C1 CompilerThre" for the JIT.
   */
  static Kind kind(String threadName) {
    if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
      return Kind.GC;
    }
    return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler") ? Kind.JIT : Kind.OTHER;
  }

  /** The thread's name: between the first '(' and the last ')', as a name may hold either. */
  static String name(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /** utime + stime, the 14th and 15th fields, counted from the end of the name. */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static Optional<String> read(Path stat) {
    try {
      return Optional.of(Files.readString(stat));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
