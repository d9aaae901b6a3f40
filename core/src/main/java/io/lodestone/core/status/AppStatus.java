package io.lodestone.core.status;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The heartbeat a running app writes to {@code <status dir>/<app>.status} every few seconds: its state,
 * when it last wrote, and details (counts, last error, per-feed state) for {@code ./lodestone status}.
 * A file, not an endpoint, so that an app without an HTTP port can still report its health.
 */
public record AppStatus(String app, String state, Instant updated, Map<String, String> details) {
  public static final String RUNNING = "RUNNING";
  public static final String STARTING = "STARTING";
  public static final String FAILED = "FAILED";
  public static final String STOPPED = "STOPPED";
  /** Heartbeats older than this mean the app is hung or gone. */
  public static final Duration STALE_AFTER = Duration.ofSeconds(30);

  public static Path path(Path statusDir, String app) {
    return statusDir.resolve(app + ".status");
  }

  public boolean isHealthy(Instant now) {
    return RUNNING.equals(state) && Duration.between(updated, now).compareTo(STALE_AFTER) < 0;
  }

  /** Writes atomically, so that a reader never sees half a file. */
  public void write(Path statusDir) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("state", state);
    properties.setProperty("updated", updated.toString());
    details.forEach((k, v) -> properties.setProperty("detail." + k, v == null ? "" : v));
    Files.createDirectories(statusDir);
    Path tmp = statusDir.resolve(app + ".status.tmp");
    try (Writer out = Files.newBufferedWriter(tmp)) {
      properties.store(out, null);
    }
    try {
      Files.move(tmp, path(statusDir, app), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, path(statusDir, app), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static Optional<AppStatus> read(Path statusDir, String app) {
    Path path = path(statusDir, app);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(path)) {
      properties.load(in);
      Map<String, String> details = new TreeMap<>();
      for (String name : properties.stringPropertyNames()) {
        if (name.startsWith("detail.")) {
          details.put(name.substring("detail.".length()), properties.getProperty(name));
        }
      }
      return Optional.of(new AppStatus(app, properties.getProperty("state", "UNKNOWN"),
          Instant.parse(properties.getProperty("updated")), new LinkedHashMap<>(details)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
