package io.lodestone.producers.bench;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.FileImporter;
import io.lodestone.producers.file.ImportSummary;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.publish.ReportPublisher;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Measures file import into a running broker (e.g. {@code ./lodestone up}): writes a JSON Lines file of
 * {@code count} distinct reports of about 3 KB, imports it into a fresh topic with the real importer
 * (acks=all, idempotent producer) and prints reports per second, counted from the first line read to the
 * last acknowledgement. Connection settings come from LODESTONE_* variables as for every app.
 *
 * <pre>java -cp cli/target/lodestone.jar io.lodestone.producers.bench.FileImportBenchmark [count] [threads]</pre>
 */
public final class FileImportBenchmark {
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private FileImportBenchmark() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Path file = Files.createTempFile("lodestone-bench", ".jsonl");
    try {
      long bytes = write(file, count);
      String topic = "lodestone.bench.raw-" + System.currentTimeMillis();
      IngestConfig config = IngestConfig.fromEnvironment(Map.of(CommonOptions.TOPIC_RAW, topic));
      for (int round = 1; round <= 2; round++) {
        ImportSummary summary = new ImportSummary();
        try (ReportPublisher publisher = new ReportPublisher(config)) {
          FileImporter importer = new FileImporter(new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES)),
              publisher, threads, config.getInt(IngestConfig.MAX_REPORT_BYTES));
          long start = System.nanoTime();
          long cpuStart = CPU.getProcessCpuTime();
          importer.importFiles(List.of(file), summary, b -> {});
          double seconds = (System.nanoTime() - start) / 1e9;
          double cpuSeconds = (CPU.getProcessCpuTime() - cpuStart) / 1e9;
          System.out.printf("round %d: %,d reports (%,.1f MB) published to %s in %.2f s: %,.0f reports/s, %.1f MB/s; "
              + "importer CPU %.1f s (%,.0f reports per CPU-second); load average %.1f on %d cores (%s)%n", round,
              summary.published(), bytes / 1e6, topic, seconds, summary.published() / seconds, bytes / 1e6 / seconds,
              cpuSeconds, summary.published() / cpuSeconds, CPU.getSystemLoadAverage(), CPU.getAvailableProcessors(), summary);
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Writes {@code count} reports of about 3 KB; returns the file's size. */
  static long write(Path file, int count) throws IOException {
    String body = ("Lithium carbonate prices fell for a third week as new refining capacity in Indonesia and Argentina came "
        + "online, while cobalt hydroxide output from the Democratic Republic of Congo rose. Analysts expect export "
        + "controls on graphite anodes to tighten supply for battery makers in Europe and North America. ").repeat(11);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        out.write("{\"url\":\"https://bench.example/news/" + i + "?utm_source=bench\",\"title\":\"Battery supply report " + i
            + "\",\"body\":\"" + body + "\",\"source\":\"Bench Wire\",\"language\":\"en\",\"published_at\":\"2026-01-0"
            + (1 + i % 9) + "T08:00:00Z\",\"tags\":[\"lithium\",\"cobalt\"]}\n");
      }
    }
    return Files.size(file);
  }
}
