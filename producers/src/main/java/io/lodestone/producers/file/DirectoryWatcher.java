package io.lodestone.producers.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps importing the files that appear in directories: scans them every {@code interval}, and imports
 * a file once it is finished (same size and modification time in two consecutive scans, so that a
 * file still being copied is not read half-way) and not in the {@link WatchLedger}. Polling rather than
 * file-system events, so that it works the same on network and container file systems.
 */
public final class DirectoryWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

  /** Imports a batch of new files; the watcher records them in the ledger afterwards. */
  @FunctionalInterface
  public interface Batch {
    void importFiles(List<Path> files) throws IOException;
  }

  private final List<Path> directories;
  private final WatchLedger ledger;
  private final Duration interval;
  private final Map<Path, String> lastSeen = new HashMap<>();
  private volatile boolean running = true;

  public DirectoryWatcher(List<Path> directories, WatchLedger ledger, Duration interval) {
    this.directories = directories;
    this.ledger = ledger;
    this.interval = interval;
  }

  /** Files of the directories the ledger does not list yet (regardless of whether they are finished). */
  public List<Path> pending() throws IOException {
    List<Path> pending = new ArrayList<>();
    for (Path file : InputFiles.expand(directories).files()) {
      if (!ledger.isDone(file)) {
        pending.add(file);
      }
    }
    return pending;
  }

  /** One scan: imports the finished new files, and returns how many there were. */
  public int scanOnce(Batch batch) throws IOException {
    List<Path> ready = new ArrayList<>();
    Map<Path, String> now = new HashMap<>();
    for (Path file : pending()) {
      String signature;
      try {
        signature = WatchLedger.signature(file);
      } catch (IOException e) {
        continue; // deleted or renamed between listing and looking
      }
      now.put(file, signature);
      if (signature.equals(lastSeen.get(file))) {
        ready.add(file);
      }
    }
    lastSeen.clear();
    lastSeen.putAll(now);
    if (!ready.isEmpty()) {
      batch.importFiles(ready);
      for (Path file : ready) {
        ledger.markDone(file);
        lastSeen.remove(file);
      }
    }
    return ready.size();
  }

  /** Scans until {@link #stop()}; a failing scan is logged and retried at the next interval. */
  public void run(Batch batch) {
    LOG.info("watching {} for new files every {} ms (ledger {})", directories, interval.toMillis(), ledger.path());
    while (running) {
      try {
        scanOnce(batch);
      } catch (IOException | RuntimeException e) {
        LOG.warn("scanning {} failed: {}; retrying", directories, e.getMessage());
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  public void stop() {
    running = false;
  }
}
