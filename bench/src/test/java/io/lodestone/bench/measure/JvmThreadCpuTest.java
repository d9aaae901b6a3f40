package io.lodestone.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmThreadCpuTest {
  @Test
  void sortsHotSpotThreadsByTheirNames() {
    assertThat(JvmThreadCpu.kind("GC Thread#1")).isEqualTo(JvmThreadCpu.Kind.GC);
    assertThat(JvmThreadCpu.kind("G1 Conc#0")).isEqualTo(JvmThreadCpu.Kind.GC);
    assertThat(JvmThreadCpu.kind("G1 Refine#0")).isEqualTo(JvmThreadCpu.Kind.GC);
    assertThat(JvmThreadCpu.kind("C2 CompilerThre")).isEqualTo(JvmThreadCpu.Kind.JIT);
    assertThat(JvmThreadCpu.kind("C1 CompilerThre")).isEqualTo(JvmThreadCpu.Kind.JIT);
    assertThat(JvmThreadCpu.kind("lodestone-strea")).isEqualTo(JvmThreadCpu.Kind.OTHER);
    assertThat(JvmThreadCpu.kind("kafka-producer-")).isEqualTo(JvmThreadCpu.Kind.OTHER);
  }

  @Test
  void readsTheNameAndTicksOfAStatLineWhoseNameHoldsSpacesAndParentheses() {
    String stat = "4242 (G1 Conc (x) #0) S 1 4200 4200 0 -1 1077936192 12 0 0 0 731 65 0 0 20 0 1 0 8000 0 0";

    assertThat(JvmThreadCpu.name(stat)).isEqualTo("G1 Conc (x) #0");
    assertThat(JvmThreadCpu.ticks(stat)).isEqualTo(796);
  }

  @Test
  void aPhaseCountsTheThreadsAliveAtItsEndAndLeavesOutThoseThatEnded() {
    JvmThreadCpu.Snapshot before = snapshot(Map.of(
        1L, new JvmThreadCpu.ThreadTicks(JvmThreadCpu.Kind.OTHER, 100),
        2L, new JvmThreadCpu.ThreadTicks(JvmThreadCpu.Kind.GC, 50),
        3L, new JvmThreadCpu.ThreadTicks(JvmThreadCpu.Kind.JIT, 900),
        5L, new JvmThreadCpu.ThreadTicks(JvmThreadCpu.Kind.OTHER, 500)));
    JvmThreadCpu.Snapshot after = snapshot(Map.of(
        1L, new JvmThreadCpu.ThreadTicks(JvmThreadCpu.Kind.OTHER, 160),
        2L, new JvmThreadCpu.ThreadTicks(JvmThreadCpu.Kind.GC, 70),
        4L, new JvmThreadCpu.ThreadTicks(JvmThreadCpu.Kind.JIT, 20),
        5L, new JvmThreadCpu.ThreadTicks(JvmThreadCpu.Kind.OTHER, 30)));

    JvmThreadCpu.Split used = JvmThreadCpu.between(Map.of("app", before), Map.of("app", after, "new", after)).get("app");

    // thread 3 ended (its 900 ticks are not this phase's), thread 4 started (all of its 20 are), and thread 5
    // ended too, its id now a new thread's (all of whose 30 ticks are this phase's)
    assertThat(used).isEqualTo(new JvmThreadCpu.Split(20, 20, 130));
    assertThat(used.gcShare()).isEqualTo(20 / 130.0);
    assertThat(JvmThreadCpu.between(Map.of("app", before), Map.of("new", after))).isEmpty();
  }

  private static JvmThreadCpu.Snapshot snapshot(Map<Long, JvmThreadCpu.ThreadTicks> threads) {
    return new JvmThreadCpu.Snapshot(threads);
  }

  @Test
  void countsThisThreadsWorkAsNeitherGcNorJit() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
    Map<String, Long> self = Map.of("self", ProcessHandle.current().pid());
    Map<String, JvmThreadCpu.Snapshot> before = JvmThreadCpu.snapshot(self);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
    long sink = 0;
    while (threads.getCurrentThreadCpuTime() < until) {
      sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
    }
    JvmThreadCpu.Split used = JvmThreadCpu.between(before, JvmThreadCpu.snapshot(self)).get("self");

    assertThat(sink).isPositive();
    // 200 ms are 20 ticks of 10 ms; the operating system rounds, hence the margin
    assertThat(used.all() - used.gc() - used.jit()).isGreaterThanOrEqualTo(15);
    assertThat(JvmThreadCpu.snapshot(Map.of("gone", Long.MAX_VALUE))).isEmpty();
  }
}
