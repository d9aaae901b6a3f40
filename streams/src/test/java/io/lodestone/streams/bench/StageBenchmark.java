package io.lodestone.streams.bench;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.streams.TestReports;
import io.lodestone.streams.classify.Classification;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.dedup.DedupContent;
import io.lodestone.streams.dedup.DedupSettings;
import io.lodestone.streams.dedup.MinHasher;
import io.lodestone.streams.enrich.EntityExtractor;
import io.lodestone.streams.normalize.TextNormalizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each per-record stage on its own, over the same {@value #REPORTS} distinct 3 KB reports: the
 * normalizer (HTML, NFC, whitespace, boilerplate), language detection, deduplication's work on the
 * text (without its state stores), the enrichers (gazetteers, amounts, quantities) and the classifier.
 * Each stage's input is prepared once in the set-up, so a score is that stage's reports per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class StageBenchmark {
  static final int REPORTS = 500;
  private List<NewsReport> reports;
  private NormalizedText[] texts;
  private Entities[] entities;
  private TextNormalizer normalizer;
  private EntityExtractor extractor;
  private ThemeClassifier classifier;
  private DedupSettings dedup;
  private MinHasher hasher;

  @Setup
  public void prepare() {
    reports = BenchmarkReports.threeKilobyteReports(REPORTS);
    normalizer = new TextNormalizer();
    extractor = new EntityExtractor();
    classifier = new ThemeClassifier();
    dedup = DedupSettings.from(TestReports.config(Map.of()));
    hasher = dedup.minHasher();
    texts = new NormalizedText[REPORTS];
    entities = new Entities[REPORTS];
    for (int i = 0; i < REPORTS; i++) {
      texts[i] = normalizer.normalize(reports.get(i));
      entities[i] = extractor.extract(texts[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(REPORTS)
  public void normalize(Blackhole blackhole) {
    for (NewsReport report : reports) {
      blackhole.consume(normalizer.normalize(report));
    }
  }

  @Benchmark
  @OperationsPerInvocation(REPORTS)
  public void detectLanguage(Blackhole blackhole) {
    for (NormalizedText text : texts) {
      blackhole.consume(normalizer.language(text, null));
    }
  }

  /** Words, fingerprint, shingles, signature, shingle count and band keys: what every report costs before the stores. */
  @Benchmark
  @OperationsPerInvocation(REPORTS)
  public void dedupContent(Blackhole blackhole) {
    for (NormalizedText text : texts) {
      blackhole.consume(DedupContent.of(text, dedup.shingleSize(), hasher));
    }
  }

  @Benchmark
  @OperationsPerInvocation(REPORTS)
  public void enrich(Blackhole blackhole) {
    for (NormalizedText text : texts) {
      blackhole.consume(extractor.extract(text));
    }
  }

  @Benchmark
  @OperationsPerInvocation(REPORTS)
  public void classify(Blackhole blackhole) {
    for (int i = 0; i < REPORTS; i++) {
      Classification classification = classifier.classify(texts[i], entities[i]);
      blackhole.consume(classification);
    }
  }
}
