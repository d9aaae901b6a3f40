package io.lodestone.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of a process and its descendants, from /proc (Linux). */
public final class ResidentMemory {
  private ResidentMemory() {}

  /** Resident set size in bytes of the process tree, or -1 when it cannot be read. */
  public static long ofTree(long pid) {
    return ProcessHandle.of(pid).map(root -> {
      long total = rss(root.pid());
      if (total < 0) {
        return -1L;
      }
      try (Stream<ProcessHandle> children = root.descendants()) {
        total += children.mapToLong(child -> Math.max(0, rss(child.pid()))).sum();
      }
      return total;
    }).orElse(-1L);
  }

  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
