package io.lodestone.streams.bench;

import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.ReportPipeline;
import io.lodestone.streams.TestReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full per-record processing on one thread: normalize, deduplicate (RocksDB stores), enrich and
 * classify, over {@value #REPORTS} distinct 3 KB reports per invocation, each invocation starting from
 * empty dedup state (so every report is new and goes through every stage). Score = reports per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ProcessingBenchmark {
  static final int REPORTS = 2_000;
  private static final List<NewsReport> POOL = BenchmarkReports.threeKilobyteReports(REPORTS);
  private Path stateDir;
  private ReportPipeline pipeline;

  @Setup(Level.Invocation)
  public void emptyState() throws IOException {
    stateDir = Files.createTempDirectory("lodestone-bench");
    pipeline = new ReportPipeline(stateDir.toFile(), Map.of());
    // A running app opened its stores' current time segment (a RocksDB instance, 15 days wide by default) long ago;
    // a report without words, at the pool's first time, opens it here, outside the measurement (the pool's 2,000
    // reports span 33 hours, within that segment). It is never a copy, so the pool's reports stay new.
    pipeline.process(TestReports.report("segment-opener", "bench", "", "", POOL.get(0).getFetchedAt()));
  }

  @TearDown(Level.Invocation)
  public void dropState() throws IOException {
    pipeline.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(REPORTS)
  public void normalizeDeduplicateEnrichClassify(Blackhole blackhole) {
    for (NewsReport report : POOL) {
      blackhole.consume(pipeline.process(report));
    }
  }
}
