package io.lodestone.streams.classify.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.normalize.TextNormalizer;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quality targets for themes, on the shared Reuters development corpus and its theme labels. */
class ThemeQualityTest {
  private static final Path SHARED = Path.of(System.getProperty("lodestone.repo", "."), "..", "shared", "corpus");
  private static List<ReutersStory> corpus;
  private static ThemeEvaluation evaluation;

  @BeforeAll
  static void readCorpus() throws IOException {
    corpus = ReutersSgmlReader.read(SHARED.resolve("reuters21578-dev"));
    evaluation = new ThemeEvaluation(new TextNormalizer(), new ThemeClassifier());
  }

  @Test
  void themeMacroF1AgainstTheAnnotatorsIsAtLeast085() throws IOException {
    Path labels = SHARED.resolve("theme-labels");
    ThemeEvaluation.AgreementReport report = evaluation.agreement(corpus,
        List.of(labels.resolve("annotator-1.json"), labels.resolve("annotator-2.json")), id -> true);

    assertThat(report.perAnnotator()).hasSize(2);
    assertThat(report.macroF1()).isGreaterThanOrEqualTo(0.85);
  }

  /**
   * On stories the taxonomy was not tuned on (streams/quality/fresh-theme-labels/held-out) the figure is about 0.73,
   * below the 0.85 target; this keeps a change that helps the 220 tuning stories from costing unseen ones.
   */
  @Test
  void storiesTheTaxonomyWasNotTunedOnKeepTheirMeasuredFigure() throws IOException {
    Path labels = Path.of(System.getProperty("lodestone.repo", "."), "streams", "quality", "fresh-theme-labels", "held-out");
    ThemeEvaluation.AgreementReport report = evaluation.agreement(corpus,
        List.of(labels.resolve("annotator-1.json"), labels.resolve("annotator-2.json")), id -> true);

    assertThat(report.macroF1()).isGreaterThanOrEqualTo(0.70);
  }

  @Test
  void earningsStoriesGetNoThemeAndMetalStoriesDo() {
    ThemeEvaluation.RelevanceReport report = evaluation.relevance(corpus);

    assertThat(report.earnStories()).isGreaterThan(1000);
    assertThat(report.earnWithoutTheme()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.metalStories()).isGreaterThan(100);
    assertThat(report.metalWithTheme()).isGreaterThanOrEqualTo(0.80);
  }
}
