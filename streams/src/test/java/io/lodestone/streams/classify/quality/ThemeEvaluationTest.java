package io.lodestone.streams.classify.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeEvaluationTest {

  @Test
  void macroF1CountsOnlyThemesWithThreeLabelledStories() {
    Map<Integer, Set<String>> gold = Map.of(
        1, Set.of("a"), 2, Set.of("a"), 3, Set.of("a", "b"), 4, Set.of(), 5, Set.of("c"), 6, Set.of("c"));
    Map<Integer, Set<String>> predicted = Map.of(
        1, Set.of("a"), 2, Set.of(), 3, Set.of("a"), 4, Set.of("a"), 5, Set.of("c"), 6, Set.of("b"));

    ThemeEvaluation.ThemeF1 f1 = ThemeEvaluation.f1(predicted, gold, id -> true);

    // "a": tp 2, fp 1, fn 1 -> 4/6; "b" (1 labelled story) and "c" (2) are left out
    assertThat(f1.perTheme()).containsOnlyKeys("a");
    assertThat(f1.macro()).isCloseTo(2.0 / 3.0, within(1e-9));
  }
}
