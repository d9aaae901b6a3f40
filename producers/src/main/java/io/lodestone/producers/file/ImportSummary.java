package io.lodestone.producers.file;

import java.util.ArrayList;
import java.util.List;

/** What an import did: lines read, reports published, and each rejected or failed line with its reasons. */
public final class ImportSummary {
  /** A line that was not published, and why. */
  public record Rejection(String file, long line, List<String> reasons) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + String.join("; ", reasons);
    }
  }

  private long read;
  private long published;
  private final List<Rejection> rejected = new ArrayList<>();
  private final List<Rejection> failed = new ArrayList<>();

  synchronized void countRead() {
    read++;
  }

  synchronized void countPublished() {
    published++;
  }

  synchronized void reject(Rejection rejection) {
    rejected.add(rejection);
  }

  synchronized void fail(Rejection failure) {
    failed.add(failure);
  }

  public synchronized long read() {
    return read;
  }

  public synchronized long published() {
    return published;
  }

  /** Reports refused for their content (invalid JSON, missing fields...). */
  public synchronized List<Rejection> rejected() {
    return List.copyOf(rejected);
  }

  /** Valid reports Kafka did not acknowledge. */
  public synchronized List<Rejection> failed() {
    return List.copyOf(failed);
  }

  public synchronized boolean isClean() {
    return rejected.isEmpty() && failed.isEmpty();
  }

  @Override
  public synchronized String toString() {
    return String.format("read %d, published %d, rejected %d, failed %d", read, published, rejected.size(), failed.size());
  }
}
