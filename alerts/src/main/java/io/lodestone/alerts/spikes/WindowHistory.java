package io.lodestone.alerts.spikes;

import java.util.ArrayList;
import java.util.List;

/**
 * The final counts of a key's recent closed windows (windows without reports are absent: they count 0).
 * Kept by the detector itself rather than read back from the window store, whose retention follows stream
 * time: after a quiet spell the baseline windows could be gone by the time the next window closes.
 */
public record WindowHistory(List<ClosedWindow> windows) {
  /** A closed window: its start and its final count. */
  public record ClosedWindow(long start, long count) {}

  public WindowHistory {
    windows = List.copyOf(windows);
  }

  public static WindowHistory empty() {
    return new WindowHistory(List.of());
  }

  /** Reports in the windows starting from {@code fromStart} to {@code toStart}, both included. */
  public long sum(long fromStart, long toStart) {
    return windows.stream().filter(w -> w.start() >= fromStart && w.start() <= toStart).mapToLong(ClosedWindow::count).sum();
  }

  /** This history with a newly closed window, forgetting windows that started before {@code keepFrom}. */
  public WindowHistory with(long start, long count, long keepFrom) {
    List<ClosedWindow> kept = new ArrayList<>(windows.stream().filter(w -> w.start() >= keepFrom).toList());
    kept.add(new ClosedWindow(start, count));
    return new WindowHistory(kept);
  }
}
