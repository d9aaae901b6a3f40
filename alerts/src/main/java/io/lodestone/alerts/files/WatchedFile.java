package io.lodestone.alerts.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data file that is parsed at start (an invalid one stops the app with the reason) and re-read when it
 * changes, at most once per check interval. An invalid new version is logged once and the last good
 * version stays in force, so that editing the rules of a running app cannot break it. Thread-safe.
 */
public final class WatchedFile<T> {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedFile.class);

  private final Path path;
  private final Function<Path, T> parser;
  private final long checkIntervalMs;
  private final LongSupplier clock;
  private volatile T current;
  private volatile Version loaded;
  private volatile Version rejected;
  private volatile long nextCheckMs;

  /** @param checkIntervalMs how often to look for a change; 0 reads the file once */
  public WatchedFile(Path path, Function<Path, T> parser, long checkIntervalMs) {
    this(path, parser, checkIntervalMs, System::currentTimeMillis);
  }

  WatchedFile(Path path, Function<Path, T> parser, long checkIntervalMs, LongSupplier clock) {
    this.path = path;
    this.parser = parser;
    this.checkIntervalMs = checkIntervalMs;
    this.clock = clock;
    this.loaded = version();
    this.current = parser.apply(path);
    this.nextCheckMs = clock.getAsLong() + checkIntervalMs;
  }

  public Path path() {
    return path;
  }

  /** The last good version, re-read first when the check interval passed and the file changed. */
  public T current() {
    if (checkIntervalMs > 0 && clock.getAsLong() >= nextCheckMs) {
      reloadIfChanged();
    }
    return current;
  }

  private synchronized void reloadIfChanged() {
    if (clock.getAsLong() < nextCheckMs) {
      return;
    }
    nextCheckMs = clock.getAsLong() + checkIntervalMs;
    Version now = version();
    if (now.equals(loaded) || now.equals(rejected)) {
      return;
    }
    try {
      current = parser.apply(path);
      loaded = now;
      LOG.info("re-read {}", path);
    } catch (DataFileException e) {
      rejected = now;
      LOG.error("{}; keeping the previous version in force", e.getMessage());
    }
  }

  /** What identifies a version of the file: modification time and size (a missing file has neither). */
  private Version version() {
    try {
      return new Version(Files.getLastModifiedTime(path), Files.size(path));
    } catch (IOException e) {
      return new Version(null, -1);
    }
  }

  private record Version(FileTime modified, long size) {}
}
