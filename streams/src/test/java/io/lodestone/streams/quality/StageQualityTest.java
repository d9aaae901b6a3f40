package io.lodestone.streams.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.offline.ReutersStory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageQualityTest {

  @Test
  void labelsOfStoriesOutsideTheCorpusAreNotCountedAsMisses(@TempDir Path labels) throws Exception {
    List<ReutersStory> corpus = IntStream.rangeClosed(1, 3).mapToObj(id -> new ReutersStory(id, Instant.EPOCH,
        List.of("tin"), List.of(), List.of(), "TIN PRODUCERS AGREE EXPORT QUOTAS",
        "KUALA LUMPUR, March 3 -", "The Association of Tin Producing Countries agreed export quotas to limit its members' "
            + "tin exports, and delegates said the export quota accord would be renewed at the next trade talks.")).toList();
    // story 99 is labelled but is not in this corpus (a label file covering more of the collection than was given)
    Files.writeString(labels.resolve("annotator-1.json"), """
        {"1": ["trade-geopolitics"], "2": ["trade-geopolitics"], "3": ["trade-geopolitics"], "99": ["trade-geopolitics"]}
        """);

    List<QualityFigure> figures = new StageQuality(new ThemeClassifier()).measure(corpus, labels);

    QualityFigure themes = figures.get(figures.size() - 1);
    assertThat(themes.name()).isEqualTo("theme macro-F1 against 1 annotator (1.0000; 3 of 4 labelled stories in the corpus)");
    assertThat(themes.value()).isEqualTo(1.0);
  }
}
