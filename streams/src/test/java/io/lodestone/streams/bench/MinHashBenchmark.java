package io.lodestone.streams.bench;

import io.lodestone.streams.dedup.DedupText;
import io.lodestone.streams.dedup.MinHasher;
import io.lodestone.streams.dedup.Shingles;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** MinHash alone, with the default settings (5-word shingles, 512 bins, 20 bands of 6), on a 3 KB body. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MinHashBenchmark {
  private final String body = BenchmarkReports.threeKilobyteReports(1).get(0).getBody();
  private final MinHasher hasher = new MinHasher(512, 20, 6);
  private final char[] signature = hasher.signature(Shingles.of(Shingles.wordHashes(body), 5));
  private final char[] other = hasher.signature(Shingles.of(Shingles.wordHashes(body.replaceFirst(" the ", " a ")), 5));

  /** Words, fingerprint, shingles and signature of a body: what every report costs. */
  @Benchmark
  public char[] signature() {
    long[] words = Shingles.wordHashes(body);
    DedupText.fingerprint(words);
    return hasher.signature(Shingles.of(words, 5));
  }

  @Benchmark
  public long[] bandKeys() {
    return hasher.bandKeys(signature);
  }

  /** What confirming one LSH candidate costs. */
  @Benchmark
  public double similarity() {
    return MinHasher.similarity(signature, other);
  }
}
