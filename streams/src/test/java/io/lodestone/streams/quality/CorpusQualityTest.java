package io.lodestone.streams.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.streams.TestReports;
import io.lodestone.streams.offline.OfflineTopology;
import io.lodestone.streams.offline.ReutersReports;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The quality targets of the issue (duplicates, countries, relevance, themes) on the shared development corpus. */
class CorpusQualityTest {
  private static final Path CORPUS = TestReports.repository().resolve("../shared/corpus/reuters21578-dev").normalize();

  @Test
  void everyFigureMeetsItsTargetOnTheDevelopmentCorpus() throws Exception {
    assertThat(CORPUS).as("the shared corpus beside the repository").isDirectory();

    CorpusQuality.Outcome outcome = CorpusQuality.measure(ReutersSgmlReader.read(CORPUS), TestReports.config(Map.of()),
        CORPUS.resolveSibling("theme-labels"), done -> { });

    assertThat(outcome.stories()).isEqualTo(11_000);
    outcome.figures().forEach(figure -> System.out.printf("%s: %.4f (%s)%n", figure.name(), figure.value(), figure.target()));
    assertThat(outcome.figures()).hasSize(8);
    assertThat(outcome.figures()).allSatisfy(figure -> assertThat(figure.met()).as(figure.name()).isTrue());
  }

  @Test
  void referenceFindsTheBruteForcePairs() {
    String base = TestReports.text(5, 200);
    List<Map<Integer, Double>> reference = NearDuplicateReference.compute(
        List.of(base, TestReports.text(6, 200), base.replaceFirst("cobalt", "zinc"), base), 5, 0.8);

    assertThat(reference.get(0)).isEmpty();
    assertThat(reference.get(1)).isEmpty();
    assertThat(reference.get(2)).containsOnlyKeys(0);
    assertThat(reference.get(2).get(0)).isBetween(0.9, 0.99);
    assertThat(reference.get(3)).containsOnlyKeys(0, 2);
    assertThat(reference.get(3).get(0)).isEqualTo(1.0);
  }

  @Test
  void aLongerVersionOfAStoryIsNotTakenForACopyOfIt() throws Exception {
    // Each later story holds all of the earlier one's shingles and more (98 of 125, Jaccard 0.784; 384 of 486, 0.790),
    // and MinHash estimated both pairs at 0.80; the shingle counts rule them out.
    Map<Integer, ReutersStory> stories = ReutersSgmlReader.read(CORPUS).stream()
        .collect(Collectors.toMap(ReutersStory::newId, story -> story));
    try (OfflineTopology topology = new OfflineTopology(TestReports.config(Map.of()))) {
      for (int newId : new int[] {956, 1002, 5206, 5271}) {
        assertThat(topology.process(ReutersReports.of(stories.get(newId))).isDuplicate()).as("story %d", newId).isFalse();
      }
    }
  }

  @Test
  void readsTheWholeCorpusInNewIdOrder() throws Exception {
    List<ReutersStory> stories = ReutersSgmlReader.read(CORPUS);
    assertThat(stories.get(0).newId()).isEqualTo(1);
    assertThat(stories.get(stories.size() - 1).newId()).isEqualTo(11_000);
    assertThat(Files.list(CORPUS).filter(p -> p.toString().endsWith(".sgm")).count()).isEqualTo(11);
  }
}
