package io.lodestone.streams.quality;

import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.offline.OfflineResult;
import io.lodestone.streams.offline.OfflineTopology;
import io.lodestone.streams.offline.ReutersReports;
import io.lodestone.streams.offline.ReutersStory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.IntConsumer;

/**
 * The quality figures of the whole processing on a Reuters-21578 corpus: the stories go through the
 * offline topology in NEWID order, then deduplication is measured here and every other figure by the
 * {@link CorpusEvaluation}s on the class path.
 */
public final class CorpusQuality {
  /** The figures other engineers' evaluations provide, and the classes expected to provide them. */
  static final List<String> EXPECTED_EVALUATIONS = List.of(
      "countries (io.lodestone.streams.enrich.quality.CountryEvaluation)",
      "relevance and themes (io.lodestone.streams.classify.quality.ThemeEvaluation)");

  private CorpusQuality() {}

  /** The figures measured, and what could not be measured (no evaluation on the class path). */
  public record Outcome(int stories, List<QualityFigure> figures, List<String> notMeasured) {
    public boolean allMet() {
      return figures.stream().allMatch(QualityFigure::met);
    }
  }

  /**
   * Processes the stories of a corpus (in NEWID order, as {@link io.lodestone.streams.offline.ReutersSgmlReader}
   * reads them), reporting the number done to {@code progress} as it goes.
   */
  public static Outcome measure(List<ReutersStory> stories, StreamsAppConfig config, IntConsumer progress) {
    List<OfflineResult> results = new ArrayList<>(stories.size());
    try (OfflineTopology topology = new OfflineTopology(config)) {
      for (ReutersStory story : stories) {
        results.add(topology.process(ReutersReports.of(story)));
        progress.accept(results.size());
      }
    }
    List<QualityFigure> figures = new ArrayList<>(dedupFigures(DedupQuality.measure(stories, results)));
    List<String> evaluated = new ArrayList<>();
    for (CorpusEvaluation evaluation : ServiceLoader.load(CorpusEvaluation.class)) {
      figures.addAll(evaluation.evaluate(stories, results));
      evaluated.add(evaluation.name());
    }
    List<String> notMeasured = EXPECTED_EVALUATIONS.stream()
        .filter(expected -> evaluated.stream().noneMatch(expected::startsWith)).toList();
    return new Outcome(stories.size(), figures, notMeasured);
  }

  static List<QualityFigure> dedupFigures(DedupQuality dedup) {
    double collapsed = dedup.exactGroups() == 0 ? 1.0 : (double) dedup.exactGroupsCollapsed() / dedup.exactGroups();
    return List.of(
        new QualityFigure(String.format("exact-duplicate groups collapsed (%d of %d)", dedup.exactGroupsCollapsed(),
            dedup.exactGroups()), collapsed, "= 1.0", dedup.exactGroupsCollapsed() == dedup.exactGroups()),
        QualityFigure.atLeast(String.format("near-duplicate recall (%d of %d reference duplicates)", dedup.correct(),
            dedup.referenceDuplicates()), dedup.recall(), 0.95),
        QualityFigure.atLeast(String.format("near-duplicate precision (%d of %d flagged)", dedup.correct(), dedup.flagged()),
            dedup.precision(), 0.99));
  }
}
