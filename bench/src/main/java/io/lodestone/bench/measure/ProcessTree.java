package io.lodestone.bench.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * What the bench's per-process measures share: a named process counts with its descendants, except those that
 * are named themselves (the bench starts the stack when it is down, so the stack's servers are then its
 * children) and theirs; and a phase's figure is the difference of two snapshots, for processes in both.
 */
final class ProcessTree {
  private ProcessTree() {}

  /** The process and its descendants that are not named, the process first. */
  static Stream<ProcessHandle> members(ProcessHandle root, Set<Long> named) {
    Stream<ProcessHandle> children;
    try (Stream<ProcessHandle> direct = root.children()) {
      children = direct.filter(child -> !named.contains(child.pid())).toList().stream();
    }
    return Stream.concat(Stream.of(root), children.flatMap(child -> members(child, named)));
  }

  /** One measure per named process that is still there and that {@code measure} can tell (present). */
  static <T> Map<String, T> snapshot(Map<String, Long> pids, BiFunction<ProcessHandle, Set<Long>, Optional<T>> measure) {
    Set<Long> named = Set.copyOf(pids.values());
    Map<String, T> snapshot = new LinkedHashMap<>();
    pids.forEach((name, pid) -> ProcessHandle.of(pid).flatMap(root -> measure.apply(root, named))
        .ifPresent(value -> snapshot.put(name, value)));
    return snapshot;
  }

  /** What each process used between two snapshots; only processes present in both. */
  static <T, R> Map<String, R> between(Map<String, T> before, Map<String, T> after, BiFunction<T, T, R> used) {
    Map<String, R> between = new LinkedHashMap<>();
    after.forEach((name, value) -> {
      T start = before.get(name);
      if (start != null) {
        between.put(name, used.apply(start, value));
      }
    });
    return between;
  }
}
