package io.lodestone.streams.quality;

import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.offline.OfflineResult;
import io.lodestone.streams.offline.OfflineTopology;
import io.lodestone.streams.offline.ReutersReports;
import io.lodestone.streams.offline.ReutersStory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The quality figures of the whole processing on a Reuters-21578 corpus: the stories go through the
 * offline topology in NEWID order for deduplication, and through the enrich and classify stages for
 * countries, relevance and themes ({@link StageQuality}).
 */
public final class CorpusQuality {
  private CorpusQuality() {}

  /** The figures measured. */
  public record Outcome(int stories, List<QualityFigure> figures) {
    public boolean allMet() {
      return figures.stream().allMatch(QualityFigure::met);
    }
  }

  /**
   * Processes the stories of a corpus (in NEWID order, as {@link io.lodestone.streams.offline.ReutersSgmlReader}
   * reads them), reporting the number done to {@code progress} as it goes.
   */
  public static Outcome measure(List<ReutersStory> stories, StreamsAppConfig config, Path themeLabels, IntConsumer progress)
      throws IOException {
    List<OfflineResult> results = new ArrayList<>(stories.size());
    try (OfflineTopology topology = new OfflineTopology(config)) {
      for (ReutersStory story : stories) {
        results.add(topology.process(ReutersReports.of(story)));
        progress.accept(results.size());
      }
    }
    List<QualityFigure> figures = new ArrayList<>(dedupFigures(DedupQuality.measure(stories, results)));
    figures.addAll(new StageQuality(ThemeClassifier.fromFile(config.getString(StreamsAppConfig.TAXONOMY_FILE)))
        .measure(stories, themeLabels));
    return new Outcome(stories.size(), figures);
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
