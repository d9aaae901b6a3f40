package io.lodestone.producers.file;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an import did: reports read, published, already seen (their id was published earlier in the
 * same import, or the file was imported before in watch mode), and each rejected or failed report with
 * its file, line and reasons. Counters are updated from Kafka's callback thread, hence thread-safe.
 * Only the first {@value #KEPT_DETAILS} rejections and failures are kept in detail; all are counted.
 */
public final class ImportSummary {
  static final int KEPT_DETAILS = 1_000;

  /** A report that was not published, and why; line 0 stands for a whole file (text, Markdown, HTML). */
  public record Rejection(String file, long line, List<String> reasons) {
    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + ": " + String.join("; ", reasons);
    }
  }

  private final AtomicLong files = new AtomicLong();
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong alreadySeen = new AtomicLong();
  private final AtomicLong rejectedCount = new AtomicLong();
  private final AtomicLong failedCount = new AtomicLong();
  private final List<Rejection> rejected = new ArrayList<>();
  private final List<Rejection> failed = new ArrayList<>();

  void countFile() {
    files.incrementAndGet();
  }

  void countRead() {
    read.incrementAndGet();
  }

  void countPublished() {
    published.incrementAndGet();
  }

  void countAlreadySeen() {
    alreadySeen.incrementAndGet();
  }

  void reject(Rejection rejection) {
    keep(rejected, rejectedCount, rejection);
  }

  void fail(Rejection failure) {
    keep(failed, failedCount, failure);
  }

  private void keep(List<Rejection> details, AtomicLong count, Rejection rejection) {
    if (count.incrementAndGet() <= KEPT_DETAILS) {
      synchronized (details) {
        details.add(rejection);
      }
    }
  }

  /** Adds another summary's counts and details to this one (for the running total of a watch). */
  public void add(ImportSummary other) {
    files.addAndGet(other.files());
    read.addAndGet(other.read());
    published.addAndGet(other.published());
    alreadySeen.addAndGet(other.alreadySeen());
    other.rejected().forEach(this::reject);
    rejectedCount.addAndGet(other.rejectedCount() - other.rejected().size());
    other.failed().forEach(this::fail);
    failedCount.addAndGet(other.failedCount() - other.failed().size());
  }

  public long files() {
    return files.get();
  }

  public long read() {
    return read.get();
  }

  public long published() {
    return published.get();
  }

  public long alreadySeen() {
    return alreadySeen.get();
  }

  /** Reports refused for their content (invalid JSON, missing fields...). */
  public long rejectedCount() {
    return rejectedCount.get();
  }

  /** Valid reports Kafka did not acknowledge. */
  public long failedCount() {
    return failedCount.get();
  }

  /** The first rejections, in the order they were found. */
  public List<Rejection> rejected() {
    synchronized (rejected) {
      return List.copyOf(rejected);
    }
  }

  /** The first failures. */
  public List<Rejection> failed() {
    synchronized (failed) {
      return List.copyOf(failed);
    }
  }

  public boolean isClean() {
    return rejectedCount.get() == 0 && failedCount.get() == 0;
  }

  @Override
  public String toString() {
    return String.format("read %,d, published %,d, rejected %,d, failed %,d, already seen %,d", read(), published(),
        rejectedCount(), failedCount(), alreadySeen());
  }
}
