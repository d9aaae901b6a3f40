package io.lodestone.streams.quality;

import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.Entities;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.classify.quality.ThemeEvaluation;
import io.lodestone.streams.enrich.quality.CountryEvaluation;
import io.lodestone.streams.offline.Enrichment;
import io.lodestone.streams.offline.EnrichmentStages;
import io.lodestone.streams.offline.ReutersReports;
import io.lodestone.streams.offline.ReutersStory;
import io.lodestone.schemas.ThemeScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The figures of the enrich and classify stages on a Reuters corpus, from the same stages ({@link EnrichmentStages}),
 * as the topology runs them, applied to every story (duplicates included, since the
 * labels are per story): countries against the PLACES labels, relevance on earnings and metal stories,
 * and theme macro-F1 against the annotators of {@code theme-labels/} when that directory exists.
 */
final class StageQuality {
  private final EnrichmentStages stages;

  StageQuality(ThemeClassifier classifier) {
    this.stages = new EnrichmentStages(classifier);
  }

  List<QualityFigure> measure(List<ReutersStory> stories, Path themeLabels) throws IOException {
    CountryEvaluation.Tally countries = new CountryEvaluation().tally();
    Map<Integer, Set<String>> themes = new TreeMap<>();
    int earn = 0;
    int earnWithoutTheme = 0;
    int metal = 0;
    int metalWithMineralAndTheme = 0;
    for (ReutersStory story : stories) {
      Enrichment enrichment = stages.enrich(ReutersReports.of(story));
      Entities entities = enrichment.entities();
      boolean themed = !enrichment.themes().isEmpty();
      countries.add(story.places(), entities.getCountries().stream().map(CountryMention::getCode).toList());
      themes.put(story.newId(), enrichment.themes().stream().map(ThemeScore::getId).collect(Collectors.toSet()));
      if (story.topics().equals(List.of("earn"))) {
        earn++;
        earnWithoutTheme += themed ? 0 : 1;
      }
      if (story.topics().stream().anyMatch(ThemeEvaluation.METAL_TOPICS::contains)) {
        metal++;
        metalWithMineralAndTheme += themed && !entities.getMinerals().isEmpty() ? 1 : 0;
      }
    }
    List<QualityFigure> figures = new ArrayList<>();
    figures.add(QualityFigure.atLeast("country precision against PLACES (" + countries.stories() + " stories)",
        countries.precision(), 0.90));
    figures.add(QualityFigure.atLeast("country recall against PLACES", countries.recall(), 0.85));
    figures.add(QualityFigure.atLeast("earn-only stories with no theme (" + earn + " stories)", share(earnWithoutTheme, earn), 0.95));
    figures.add(QualityFigure.atLeast("metal stories with a mineral and a theme (" + metal + " stories)",
        share(metalWithMineralAndTheme, metal), 0.80));
    List<Path> annotators = ThemeEvaluation.annotatorFiles(themeLabels);
    if (!annotators.isEmpty()) {
      figures.add(themeAgreement(themes, annotators));
    }
    return figures;
  }

  /** Macro-F1 against each annotator ({@link ThemeEvaluation#agreement}), averaged over annotators. */
  private static QualityFigure themeAgreement(Map<Integer, Set<String>> themes, List<Path> annotators) throws IOException {
    Set<Integer> labelled = new TreeSet<>();
    for (Path annotator : annotators) {
      labelled.addAll(ThemeEvaluation.readLabels(annotator).keySet());
    }
    ThemeEvaluation.AgreementReport agreement = ThemeEvaluation.agreement(themes, annotators, id -> true);
    String macros = agreement.perAnnotator().values().stream()
        .map(f1 -> String.format(Locale.ROOT, "%.4f", f1.macro())).collect(Collectors.joining(", "));
    int inCorpus = (int) labelled.stream().filter(themes::containsKey).count();
    String stories = inCorpus == labelled.size() ? inCorpus + " stories"
        : inCorpus + " of " + labelled.size() + " labelled stories in the corpus";
    String name = "theme macro-F1 against " + annotators.size() + (annotators.size() == 1 ? " annotator" : " annotators")
        + " (" + macros + "; " + stories + ")";
    return QualityFigure.atLeast(name, agreement.macroF1(), 0.85);
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
