package io.lodestone.streams.bench;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.ReportPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the dedup state per remembered report: RocksDB bytes on disk (both stores, after a flush)
 * and Java heap (the in-memory index), by remembering {@value #REPORTS} 3 KB reports; then prints how
 * the state grows with the retention window (linearly: reports per day x days remembered). The index's
 * arrays and maps grow in steps, so the heap is measured at {@value #HEAP_POINTS} points along the way and
 * the cost per report is the slope of a least-squares line through them, growth steps included.
 * Run with {@code mvn -pl streams -am -Pjmh -DskipTests verify} (after the JMH benchmarks).
 */
public final class DedupStateFootprint {
  private static final int REPORTS = 40_000;
  private static final int HEAP_POINTS = 8;
  private static final int WARM_UP = 2_000;

  private DedupStateFootprint() {}

  public static void main(String[] args) throws IOException {
    List<NewsReport> reports = BenchmarkReports.threeKilobyteReports(WARM_UP + REPORTS);
    Path stateDir = Files.createTempDirectory("lodestone-footprint");
    ReportPipeline pipeline = new ReportPipeline(stateDir.toFile(), Map.of());
    // The first reports load what every report needs once (language models, the classifier's word memo):
    // the heap is measured from there, so that only what grows with the remembered reports counts.
    for (NewsReport report : reports.subList(0, WARM_UP)) {
      pipeline.process(report);
    }
    long diskBefore = size(stateDir);
    int canonical = 0;
    double[] rememberedAt = new double[HEAP_POINTS + 1];
    double[] heap = new double[HEAP_POINTS + 1];
    heap[0] = usedHeap();
    for (int point = 1; point <= HEAP_POINTS; point++) {
      int from = WARM_UP + (point - 1) * REPORTS / HEAP_POINTS;
      int to = WARM_UP + point * REPORTS / HEAP_POINTS;
      for (NewsReport report : reports.subList(from, to)) {
        EnrichedReport enriched = pipeline.process(report);
        canonical += enriched == null ? 0 : 1;
      }
      rememberedAt[point] = to - WARM_UP;
      heap[point] = usedHeap();
    }
    pipeline.close();
    long disk = size(stateDir) - diskBefore;
    double diskPerReport = (double) disk / REPORTS;
    double heapPerReport = slope(rememberedAt, heap);
    System.out.printf("remembered %,d reports (%,d canonical stories)%n", REPORTS, canonical);
    System.out.printf("RocksDB on disk: %,.0f bytes per remembered report (%,d bytes in all)%n", diskPerReport, disk);
    System.out.printf("heap (dedup index, after GC, slope over %d points): %,.0f bytes per remembered report%n", HEAP_POINTS, heapPerReport);
    System.out.println("state grows linearly with the retention window (reports/day x days):");
    for (int perDay : new int[] {1_000, 10_000}) {
      for (int days : new int[] {1, 7, 30, 90}) {
        long remembered = (long) perDay * days;
        System.out.printf("  %,7d reports/day x %2d days = %,10d reports: %,8.1f MB on disk, %,8.1f MB heap%n",
            perDay, days, remembered, remembered * diskPerReport / 1e6, remembered * heapPerReport / 1e6);
      }
    }
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Least-squares slope of y over x. */
  private static double slope(double[] x, double[] y) {
    double meanX = Arrays.stream(x).average().orElseThrow();
    double meanY = Arrays.stream(y).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < x.length; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      variance += (x[i] - meanX) * (x[i] - meanX);
    }
    return covariance / variance;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }
}
