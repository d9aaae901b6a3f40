package io.lodestone.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void countsTheCpuAProcessUsedBetweenTwoSnapshots() {
    Map<String, Long> pids = Map.of("self", SELF);
    Map<String, Long> before = ProcessCpu.snapshot(pids);
    // spin until this thread alone has used 100 ms of CPU, however busy the machine is
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long until = threads.getCurrentThreadCpuTime() + 100_000_000L;
    long sink = 0;
    while (threads.getCurrentThreadCpuTime() < until) {
      sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
    }
    Map<String, Long> used = ProcessCpu.between(before, ProcessCpu.snapshot(pids));

    assertThat(sink).isPositive();
    assertThat(used).containsOnlyKeys("self");
    // the operating system counts in clock ticks (10 ms), hence the margin
    assertThat(used.get("self")).isGreaterThanOrEqualTo(80_000_000L);
  }

  @Test
  void aNamedChildCountsForItselfNotForItsParent() throws Exception {
    // a child that burns CPU until destroyed
    Process child = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (ProcessCpu.snapshot(Map.of("child", child.pid())).getOrDefault("child", 0L) < 200_000_000L) {
        assertThat(System.nanoTime()).as("the child has used 200 ms of CPU within 60 s").isLessThan(deadline);
        Thread.sleep(50);
      }
      Map<String, Long> both = ProcessCpu.snapshot(Map.of("self", SELF, "child", child.pid()));
      Map<String, Long> selfWithChild = ProcessCpu.snapshot(Map.of("self", SELF));

      assertThat(both.get("child")).isGreaterThanOrEqualTo(200_000_000L);
      // alone, "self" includes its child's 200 ms and more; beside it, it does not (the child's own growth
      // between the two snapshots only widens the gap)
      assertThat(selfWithChild.get("self") - both.get("self")).isGreaterThan(150_000_000L);
    } finally {
      child.destroy();
    }
  }

  @Test
  void leavesOutProcessesThatAreGoneOrWereNotThereBefore() {
    Map<String, Long> before = Map.of("streams", 5_000L, "sink", 7_000L);
    Map<String, Long> after = Map.of("streams", 9_000L, "alerts", 3_000L);

    assertThat(ProcessCpu.between(before, after)).containsExactly(Map.entry("streams", 4_000L));
    assertThat(ProcessCpu.snapshot(Map.of("gone", Long.MAX_VALUE))).isEmpty();
  }
}
