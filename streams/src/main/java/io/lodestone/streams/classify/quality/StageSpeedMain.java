package io.lodestone.streams.classify.quality;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.Source;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.enrich.EntityExtractor;
import io.lodestone.streams.normalize.TextNormalizer;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time per report of each per-record stage (normalize, language, enrich, classify with the
 * extracted entities) on reports of at least 3 KB assembled from consecutive Reuters stories:
 * {@code java ... StageSpeedMain [--shared DIR] [--rounds N]}. Thread CPU time, not wall time, so
 * that other processes on a shared machine disturb the figures less; each stage's figures are its
 * median and its best round over the measured rounds, after as many warm-up rounds. Not a benchmark harness (the
 * project's JMH benchmark is the reference), a quick before/after check of a change.
 */
public final class StageSpeedMain {
  static final int REPORT_BYTES = 3 * 1024;
  private static final String[] STAGES = {"normalize", "language", "enrich", "classify"};

  private StageSpeedMain() {}

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(System.getProperty("lodestone.repo", ".") + "/../shared");
    int rounds = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--shared" -> shared = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unexpected argument '" + args[i] + "'; options are --shared DIR, --rounds N");
      }
    }
    List<NewsReport> reports = reports(ReutersSgmlReader.read(shared.resolve("corpus/reuters21578-dev")));
    double[][] perRound = measure(reports, rounds);
    System.out.printf("%d reports of >= 3 KB, CPU time of one thread, %d rounds after %d warm-up rounds, us per report:%n",
        reports.size(), rounds, rounds);
    System.out.printf("  %-10s %8s %8s%n", "stage", "median", "best");
    double[] total = new double[rounds];
    for (int s = 0; s < STAGES.length; s++) {
      print(STAGES[s], perRound[s]);
      for (int r = 0; r < rounds; r++) {
        total[r] += perRound[s][r];
      }
    }
    double median = print("together", total);
    System.out.printf("  = %.0f reports/s (median)%n", 1e6 / median);
  }

  /** Reports of at least 3 KB: a story's title and the bodies of it and the stories after it. */
  static List<NewsReport> reports(List<ReutersStory> corpus) {
    List<NewsReport> reports = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    String title = null;
    for (ReutersStory story : corpus) {
      title = title == null ? story.title() : title;
      body.append(story.body()).append('\n');
      if ((title + body).getBytes(StandardCharsets.UTF_8).length >= REPORT_BYTES) {
        reports.add(NewsReport.newBuilder().setId("speed-" + reports.size()).setSource(Source.newBuilder().build())
            .setTitle(title).setBody(body.toString()).setFetchedAt(Instant.EPOCH).setChannel(IngestChannel.FILE).build());
        body.setLength(0);
        title = null;
      }
    }
    return reports;
  }

  /** Prints the median and best of a stage's rounds; returns the median. */
  private static double print(String stage, double[] rounds) {
    double[] sorted = rounds.clone();
    Arrays.sort(sorted);
    System.out.printf("  %-10s %8.1f %8.1f%n", stage, sorted[sorted.length / 2], sorted[0]);
    return sorted[sorted.length / 2];
  }

  /** Microseconds per report of each stage in each measured round. */
  private static double[][] measure(List<NewsReport> reports, int rounds) {
    TextNormalizer normalizer = new TextNormalizer();
    EntityExtractor extractor = new EntityExtractor();
    ThemeClassifier classifier = new ThemeClassifier();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int n = reports.size();
    NormalizedText[] texts = new NormalizedText[n];
    Entities[] entities = new Entities[n];
    double[][] perRound = new double[STAGES.length][rounds];
    long checksum = 0;
    for (int round = -rounds; round < rounds; round++) {
      // stage by stage over all reports, so that reading the clock costs nothing per report
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        texts[i] = normalizer.normalize(reports.get(i));
      }
      long t1 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        checksum += String.valueOf(normalizer.language(texts[i], null)).length();
      }
      long t2 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        entities[i] = extractor.extract(texts[i]);
      }
      long t3 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        checksum += classifier.classify(texts[i], entities[i]).themes().size();
      }
      long t4 = threads.getCurrentThreadCpuTime();
      long[] nanos = {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
      for (int s = 0; round >= 0 && s < STAGES.length; s++) {
        perRound[s][round] = nanos[s] / 1e3 / n;
      }
    }
    if (checksum == 42) {
      System.out.println(); // keeps the results in use, so the JIT cannot drop the work
    }
    return perRound;
  }
}
