package io.lodestone.streams.classify.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.Source;
import io.lodestone.schemas.ThemeScore;
import io.lodestone.streams.classify.Classification;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.normalize.TextNormalizer;
import io.lodestone.streams.offline.ReutersStory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * Measures the theme classifier on the Reuters development corpus: macro-F1 against the two
 * annotators of {@code theme-labels/} (as that folder's README defines it) and the relevance figures
 * of the streams issue (earnings stories without themes, metal stories with a theme). Used by the
 * quality tests, by {@link ThemeEvaluationMain} and by the project's quality command.
 */
public final class ThemeEvaluation {
  /** Themes with fewer labelled stories than this (per annotator) are left out of the macro average. */
  public static final int MIN_SUPPORT = 3;
  /** Reuters topics that make a story a metal story for the relevance figure. */
  public static final Set<String> METAL_TOPICS = Set.of("copper", "zinc", "tin", "lead", "nickel", "alum", "iron-steel", "strategic-metal");

  private final TextNormalizer normalizer;
  private final ThemeClassifier classifier;

  public ThemeEvaluation(TextNormalizer normalizer, ThemeClassifier classifier) {
    this.normalizer = normalizer;
    this.classifier = classifier;
  }

  /** F1 per theme (themes with at least {@link #MIN_SUPPORT} labelled stories) and their mean. */
  public record ThemeF1(Map<String, Double> perTheme, double macro) {}

  /** Macro-F1 per annotator file name and the mean over annotators. */
  public record AgreementReport(Map<String, ThemeF1> perAnnotator, double macroF1) {}

  /** Share of earnings-only stories without a theme, and of metal stories with at least one theme. */
  public record RelevanceReport(int earnStories, double earnWithoutTheme, int metalStories, double metalWithTheme) {}

  /** The text Lodestone processes for a story: TITLE as title, DATELINE and BODY as body. */
  public static NewsReport report(ReutersStory story) {
    Instant published = story.date() == null ? Instant.EPOCH : story.date();
    return NewsReport.newBuilder().setId(story.url()).setUrl(story.url())
        .setSource(Source.newBuilder().setName("Reuters").build())
        .setTitle(story.title()).setBody((story.dateline() + "\n" + story.body()).strip())
        .setPublishedAt(published).setFetchedAt(published).setChannel(IngestChannel.FILE).build();
  }

  public Classification classify(ReutersStory story) {
    NormalizedText text = normalizer.normalize(report(story));
    return classifier.classify(text, noEntities());
  }

  /** Empty entities, every field set (building from schema defaults needs Avro's trusted-class set-up). */
  static Entities noEntities() {
    return Entities.newBuilder().setCountries(List.of()).setMinerals(List.of()).setOrganizations(List.of())
        .setMoney(List.of()).setQuantities(List.of()).build();
  }

  /** Theme ids reported for each story, by NEWID. */
  public Map<Integer, Set<String>> themes(List<ReutersStory> stories) {
    Map<Integer, Set<String>> themes = new TreeMap<>();
    for (ReutersStory story : stories) {
      Set<String> ids = new TreeSet<>();
      for (ThemeScore theme : classify(story).themes()) {
        ids.add(theme.getId());
      }
      themes.put(story.newId(), ids);
    }
    return themes;
  }

  /** The annotators' files of a theme-labels directory ({@code annotator-*.json}), in name order; none when it is not a directory. */
  public static List<Path> annotatorFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().matches("annotator-.*\\.json")).sorted().toList();
    }
  }

  /** An annotator's file: {"NEWID": ["theme-id", ...]}. */
  public static Map<Integer, Set<String>> readLabels(Path file) throws IOException {
    Map<String, List<String>> raw = new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, List<String>>>() {});
    Map<Integer, Set<String>> labels = new TreeMap<>();
    raw.forEach((id, themes) -> labels.put(Integer.parseInt(id), new TreeSet<>(themes)));
    return labels;
  }

  /** F1 per theme over the stories of {@code gold} that {@code include} accepts. */
  public static ThemeF1 f1(Map<Integer, Set<String>> predicted, Map<Integer, Set<String>> gold, IntPredicate include) {
    Map<String, int[]> counts = new TreeMap<>(); // theme -> {tp, fp, fn, support}
    for (Map.Entry<Integer, Set<String>> story : gold.entrySet()) {
      if (!include.test(story.getKey())) {
        continue;
      }
      Set<String> guessed = predicted.getOrDefault(story.getKey(), Set.of());
      Set<String> themes = new HashSet<>(story.getValue());
      themes.addAll(guessed);
      for (String theme : themes) {
        int[] c = counts.computeIfAbsent(theme, t -> new int[4]);
        boolean labelled = story.getValue().contains(theme);
        boolean found = guessed.contains(theme);
        c[0] += labelled && found ? 1 : 0;
        c[1] += !labelled && found ? 1 : 0;
        c[2] += labelled && !found ? 1 : 0;
        c[3] += labelled ? 1 : 0;
      }
    }
    Map<String, Double> perTheme = new LinkedHashMap<>();
    counts.forEach((theme, c) -> {
      if (c[3] >= MIN_SUPPORT) {
        perTheme.put(theme, 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]));
      }
    });
    double macro = perTheme.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return new ThemeF1(perTheme, macro);
  }

  /** Macro-F1 against each annotator, averaged over annotators, on the labelled stories {@code include} accepts. */
  public AgreementReport agreement(List<ReutersStory> corpus, List<Path> annotatorFiles, IntPredicate include) throws IOException {
    Set<Integer> labelled = new HashSet<>();
    for (Path file : annotatorFiles) {
      labelled.addAll(readLabels(file).keySet());
    }
    return agreement(themes(corpus.stream().filter(s -> labelled.contains(s.newId())).toList()), annotatorFiles, include);
  }

  /**
   * Macro-F1 of the predicted themes against each annotator, averaged over annotators. Only labelled stories that
   * have a prediction count: a label file may cover more of the collection than the corpus that was classified.
   */
  public static AgreementReport agreement(Map<Integer, Set<String>> predicted, List<Path> annotatorFiles,
      IntPredicate include) throws IOException {
    Map<String, ThemeF1> perAnnotator = new LinkedHashMap<>();
    for (Path file : annotatorFiles) {
      Map<Integer, Set<String>> gold = readLabels(file);
      gold.keySet().retainAll(predicted.keySet());
      perAnnotator.put(file.getFileName().toString(), f1(predicted, gold, include));
    }
    double mean = perAnnotator.values().stream().mapToDouble(ThemeF1::macro).average().orElse(0);
    return new AgreementReport(perAnnotator, mean);
  }

  public RelevanceReport relevance(List<ReutersStory> corpus) {
    int earn = 0;
    int earnClean = 0;
    int metal = 0;
    int metalThemed = 0;
    for (ReutersStory story : corpus) {
      boolean earnOnly = story.topics().equals(List.of("earn"));
      boolean metalStory = story.topics().stream().anyMatch(METAL_TOPICS::contains);
      if (!earnOnly && !metalStory) {
        continue;
      }
      boolean themed = !classify(story).themes().isEmpty();
      if (earnOnly) {
        earn++;
        earnClean += themed ? 0 : 1;
      }
      if (metalStory) {
        metal++;
        metalThemed += themed ? 1 : 0;
      }
    }
    return new RelevanceReport(earn, earn == 0 ? 0 : (double) earnClean / earn, metal, metal == 0 ? 0 : (double) metalThemed / metal);
  }
}
