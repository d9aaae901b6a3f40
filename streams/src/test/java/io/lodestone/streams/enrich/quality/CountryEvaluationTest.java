package io.lodestone.streams.enrich.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.streams.enrich.EntityExtractor;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Countries against the PLACES labels of the shared Reuters dev corpus: the acceptance targets of issue 5. */
class CountryEvaluationTest {
  private static final Path CORPUS = Path.of(System.getProperty("lodestone.repo", "."), "..", "shared", "corpus", "reuters21578-dev");

  @Test
  void meetsPrecisionAndRecallTargetsOnTheDevCorpus() throws IOException {
    List<ReutersStory> stories = ReutersSgmlReader.read(CORPUS);
    assertThat(stories).hasSize(11_000);

    CountryEvaluation.Tally tally = new CountryEvaluation().evaluate(stories, new EntityExtractor());
    System.out.println(tally);

    assertThat(tally.precision()).as(tally.toString()).isGreaterThanOrEqualTo(0.90);
    assertThat(tally.recall()).as(tally.toString()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void scoresPredictionsInTheVocabularyOfThePlacesLabels() {
    CountryEvaluation.Tally tally = new CountryEvaluation().tally();
    tally.add(List.of("west-germany", "ussr"), List.of("DE", "RU"));
    tally.add(List.of("usa"), List.of("US", "GB", "GE"));
    tally.add(List.of(), List.of("JP"));

    assertThat(tally.precision()).isEqualTo(3 / 5.0);
    assertThat(tally.recall()).isEqualTo(1.0);
    assertThat(tally.toString()).contains("unscorable codes 1");
  }
}
