package io.lodestone.streams.classify.quality;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.Source;
import io.lodestone.schemas.ThemeScore;
import io.lodestone.streams.classify.Classification;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.normalize.TextNormalizer;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Prints the classifier's quality and speed on the development corpus:
 * {@code java ... ThemeEvaluationMain [--shared DIR] [--taxonomy FILE] [--split all|even|odd] [--details]}.
 * {@code --shared} defaults to {@code ../shared} of the working directory's repository; {@code --split}
 * restricts the F1 to stories with even or odd NEWID (to tune on one half and check on the other).
 */
public final class ThemeEvaluationMain {
  private static final int REPORT_BYTES = 3 * 1024;

  private ThemeEvaluationMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path shared = Path.of(options.getOrDefault("shared", System.getProperty("lodestone.repo", ".") + "/../shared"));
    ThemeClassifier classifier = ThemeClassifier.fromFile(options.get("taxonomy"));
    TextNormalizer normalizer = new TextNormalizer();
    ThemeEvaluation evaluation = new ThemeEvaluation(normalizer, classifier);
    List<ReutersStory> corpus = ReutersSgmlReader.read(shared.resolve("corpus/reuters21578-dev"));
    Path labels = shared.resolve("corpus/theme-labels");
    List<Path> annotators = List.of(labels.resolve("annotator-1.json"), labels.resolve("annotator-2.json"));
    String split = options.getOrDefault("split", "all");
    IntPredicate include = switch (split) {
      case "even" -> id -> id % 2 == 0;
      case "odd" -> id -> id % 2 == 1;
      default -> id -> true;
    };

    System.out.printf("Taxonomy %s, corpus %d stories%n", classifier.taxonomyVersion(), corpus.size());
    ThemeEvaluation.AgreementReport agreement = evaluation.agreement(corpus, annotators, include);
    agreement.perAnnotator().forEach((annotator, f1) -> {
      System.out.printf("%s (%s): macro-F1 %.3f%n", annotator, split, f1.macro());
      f1.perTheme().forEach((theme, value) -> System.out.printf("    %-26s %.3f%n", theme, value));
    });
    System.out.printf("Theme macro-F1 (%s), mean over annotators: %.3f (target >= 0.85)%n", split, agreement.macroF1());

    ThemeEvaluation.RelevanceReport relevance = evaluation.relevance(corpus);
    System.out.printf("Earnings-only stories without a theme: %.1f%% of %d (target >= 95%%)%n", 100 * relevance.earnWithoutTheme(), relevance.earnStories());
    System.out.printf("Metal stories with at least one theme: %.1f%% of %d (target >= 80%%)%n", 100 * relevance.metalWithTheme(), relevance.metalStories());

    if (options.containsKey("details")) {
      printDetails(evaluation, corpus, annotators, include);
    }
    measureSpeed(normalizer, classifier, corpus);
  }

  private static void printDetails(ThemeEvaluation evaluation, List<ReutersStory> corpus, List<Path> annotators, IntPredicate include) throws Exception {
    Map<Integer, Set<String>> first = ThemeEvaluation.readLabels(annotators.get(0));
    Map<Integer, Set<String>> second = ThemeEvaluation.readLabels(annotators.get(1));
    for (ReutersStory story : corpus) {
      if (!first.containsKey(story.newId()) || !include.test(story.newId())) {
        continue;
      }
      Classification result = evaluation.classify(story);
      StringBuilder found = new StringBuilder();
      for (ThemeScore theme : result.themes()) {
        found.append(String.format(" %s %.2f %s", theme.getId(), theme.getScore(), theme.getEvidence()));
      }
      System.out.printf("%d rel %.2f | A1 %s A2 %s | %s |%s%n", story.newId(), result.relevance(), first.get(story.newId()),
          second.get(story.newId()), story.title(), found);
    }
  }

  /** Normalize + classify over 3 KB reports assembled from consecutive stories; CPU time of this thread. */
  private static void measureSpeed(TextNormalizer normalizer, ThemeClassifier classifier, List<ReutersStory> corpus) {
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
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Entities none = ThemeEvaluation.noEntities();
    long[] normalizeNanos = new long[1];
    long[] classifyNanos = new long[1];
    Map<String, Integer> languages = new HashMap<>();
    for (int round = 0; round < 4; round++) {
      normalizeNanos[0] = 0;
      classifyNanos[0] = 0;
      for (NewsReport report : reports) {
        long t0 = threads.getCurrentThreadCpuTime();
        NormalizedText text = normalizer.normalize(report);
        String language = normalizer.language(text, null);
        long t1 = threads.getCurrentThreadCpuTime();
        classifier.classify(text, none);
        long t2 = threads.getCurrentThreadCpuTime();
        normalizeNanos[0] += t1 - t0;
        classifyNanos[0] += t2 - t1;
        languages.merge(String.valueOf(language), 1, Integer::sum);
      }
    }
    double normalizeMicros = normalizeNanos[0] / 1e3 / reports.size();
    double classifyMicros = classifyNanos[0] / 1e3 / reports.size();
    System.out.printf("Speed on %d reports of >= 3 KB (CPU time of one thread, last of 4 rounds): normalize+language %.1f us, "
        + "classify %.1f us, together %.1f us per report = %.0f reports/s%n", reports.size(), normalizeMicros, classifyMicros,
        normalizeMicros + classifyMicros, 1e6 / (normalizeMicros + classifyMicros));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument '" + args[i] + "'; options are --shared DIR, --taxonomy FILE, --split all|even|odd, --details");
      }
      String name = args[i].substring(2);
      boolean flag = name.equals("details");
      options.put(name, flag ? "true" : args[++i]);
    }
    return options;
  }
}
