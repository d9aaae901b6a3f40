package io.lodestone.streams.classify.quality;

import com.sun.management.OperatingSystemMXBean;
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
import java.util.function.IntConsumer;

/**
 * CPU time per report of each per-record stage (normalize, language, enrich, classify with the
 * extracted entities) on reports of at least 3 KB assembled from consecutive Reuters stories:
 * {@code java ... StageSpeedMain [--shared DIR] [--rounds N]}. CPU time, not wall time, so that
 * other processes on a shared machine disturb the figures less: of the measuring thread (median and
 * best round) and of the whole process (which adds work done in other threads for the stage, such
 * as Lingua's thread pool and the garbage collector), over the measured rounds after as many
 * warm-up rounds. Not a benchmark harness (the
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
    double[][][] perRound = measure(reports, rounds);
    System.out.printf("%d reports of >= 3 KB, %d rounds after %d warm-up rounds, CPU us per report: of this thread (median,"
        + " best round) and of the whole process (median: adds the work of other threads, e.g. Lingua's thread pool,"
        + " the garbage collector)%n", reports.size(), rounds, rounds);
    System.out.printf("  %-10s %8s %8s %8s%n", "stage", "median", "best", "process");
    double[][] total = new double[2][rounds];
    for (int s = 0; s < STAGES.length; s++) {
      print(STAGES[s], perRound[0][s], perRound[1][s]);
      for (int clock = 0; clock < 2; clock++) {
        for (int r = 0; r < rounds; r++) {
          total[clock][r] += perRound[clock][s][r];
        }
      }
    }
    double median = print("together", total[0], total[1]);
    System.out.printf("  = %.0f reports/s (median, this thread)%n", 1e6 / median);
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

  /** Prints the median and best of a stage's rounds and the median of its process time; returns the first. */
  private static double print(String stage, double[] thread, double[] process) {
    System.out.printf("  %-10s %8.1f %8.1f %8.1f%n", stage, median(thread), Arrays.stream(thread).min().orElse(0), median(process));
    return median(thread);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Microseconds per report, [0] of this thread, [1] of the process, of each stage in each measured round. */
  private static double[][][] measure(List<NewsReport> reports, int rounds) {
    TextNormalizer normalizer = new TextNormalizer();
    EntityExtractor extractor = new EntityExtractor();
    ThemeClassifier classifier = new ThemeClassifier();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int n = reports.size();
    // each stage's input is made once; its output is dropped at once, as in a pipeline, so that the
    // garbage collector (counted in the process's time) does not copy outputs a pipeline would not keep
    NormalizedText[] texts = new NormalizedText[n];
    Entities[] entities = new Entities[n];
    for (int i = 0; i < n; i++) {
      texts[i] = normalizer.normalize(reports.get(i));
      entities[i] = extractor.extract(texts[i]);
    }
    long[] checksum = new long[1];
    IntConsumer[] stages = {
        i -> checksum[0] += normalizer.normalize(reports.get(i)).getBody().length(),
        i -> checksum[0] += String.valueOf(normalizer.language(texts[i], null)).length(),
        i -> checksum[0] += extractor.extract(texts[i]).getCountries().size(),
        i -> checksum[0] += classifier.classify(texts[i], entities[i]).themes().size()};
    double[][][] perRound = new double[2][STAGES.length][rounds];
    for (int round = -rounds; round < rounds; round++) {
      for (int s = 0; s < STAGES.length; s++) {
        // one stage over all reports, so that reading the clocks costs nothing per report
        long thread = threads.getCurrentThreadCpuTime();
        long all = process.getProcessCpuTime();
        for (int i = 0; i < n; i++) {
          stages[s].accept(i);
        }
        if (round >= 0) {
          perRound[0][s][round] = (threads.getCurrentThreadCpuTime() - thread) / 1e3 / n;
          perRound[1][s][round] = (process.getProcessCpuTime() - all) / 1e3 / n;
        }
      }
    }
    if (checksum[0] == 42) {
      System.out.println(); // keeps the results in use, so the JIT cannot drop the work
    }
    return perRound;
  }
}
