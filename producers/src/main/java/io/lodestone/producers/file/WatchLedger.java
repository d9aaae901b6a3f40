package io.lodestone.producers.file;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Which files {@code ingest --watch} has imported, kept in a small text file (one line per file:
 * size, modification time in milliseconds, absolute path) so that a restarted watch skips them. A
 * file that changed since (other size or time) is imported again.
 */
public final class WatchLedger {
  private final Path ledger;
  private final Set<String> done = new HashSet<>();

  public WatchLedger(Path ledger) throws IOException {
    this.ledger = ledger;
    if (Files.isRegularFile(ledger)) {
      done.addAll(Files.readAllLines(ledger, StandardCharsets.UTF_8));
    }
  }

  public Path path() {
    return ledger;
  }

  public boolean isDone(Path file) throws IOException {
    return done.contains(entry(file));
  }

  public void markDone(Path file) throws IOException {
    String entry = entry(file);
    if (done.add(entry)) {
      Files.createDirectories(ledger.toAbsolutePath().getParent());
      try (Writer out = Files.newBufferedWriter(ledger, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        out.write(entry + "\n");
      }
    }
  }

  /** Size and time of a file, to tell a finished file from one still being written. */
  static String signature(Path file) throws IOException {
    return Files.size(file) + "\t" + Files.getLastModifiedTime(file).toMillis();
  }

  private static String entry(Path file) throws IOException {
    return signature(file) + "\t" + file.toAbsolutePath().normalize();
  }
}
