package io.lodestone.core.status;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes an app's {@link AppStatus} heartbeat every few seconds, and once more when it stops. */
public final class StatusReporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);
  private static final long PERIOD_SECONDS = 5;

  private final Path statusDir;
  private final String app;
  private final Supplier<String> state;
  private final Supplier<Map<String, String>> details;
  private final ScheduledExecutorService timer;

  /** Reports nothing when {@code statusDir} is null (an app run without {@code ./lodestone up}). */
  public StatusReporter(Path statusDir, String app, Supplier<String> state, Supplier<Map<String, String>> details) {
    this.statusDir = statusDir;
    this.app = app;
    this.state = state;
    this.details = details;
    if (statusDir == null) {
      timer = null;
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, app + "-status");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(() -> write(state.get()), 0, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  private void write(String currentState) {
    try {
      new AppStatus(app, currentState, Instant.now(), details.get()).write(statusDir);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write the status of {} to {}: {}", app, statusDir, e.getMessage());
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
      write(AppStatus.STOPPED.equals(state.get()) || AppStatus.FAILED.equals(state.get()) ? state.get() : AppStatus.STOPPED);
    }
  }
}
