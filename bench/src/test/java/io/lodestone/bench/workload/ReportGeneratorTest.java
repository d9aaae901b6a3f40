package io.lodestone.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportGeneratorTest {

  @Test
  void sameSeedGivesSameWorkload() {
    ReportGenerator a = new ReportGenerator(ReportGenerator.Settings.defaults("r"));
    ReportGenerator b = new ReportGenerator(ReportGenerator.Settings.defaults("r"));
    for (int i = 0; i < 20; i++) {
      assertThat(a.next().json()).isEqualTo(b.next().json());
    }
  }

  @Test
  void runsWithTheSameSeedButAnotherRunIdShareNoText() {
    ReportGenerator a = new ReportGenerator(ReportGenerator.Settings.defaults("warm-up"));
    ReportGenerator b = new ReportGenerator(ReportGenerator.Settings.defaults("main-run"));
    for (int i = 0; i < 20; i++) {
      assertThat(a.next().json().get("body")).isNotEqualTo(b.next().json().get("body"));
    }
  }

  @Test
  void bodySizesCentreOnTheMedian() {
    ReportGenerator generator = new ReportGenerator(ReportGenerator.Settings.defaults("r"));
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      sizes.add(generator.next().json().get("body").asText().length());
    }
    sizes.sort(null);
    assertThat(sizes.get(500)).isBetween(2700, 3400);
  }

  @Test
  void unrelatedReportsShareFewShinglesWhileNearDuplicatesShareMost() {
    ReportGenerator generator = new ReportGenerator(new ReportGenerator.Settings(7, 3000, 0.5, 0.3, 0.0, 0.5, "r"));
    List<ReportGenerator.Generated> reports = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      reports.add(generator.next());
    }
    List<ReportGenerator.Generated> originals = reports.stream().filter(r -> r.kind() == ReportGenerator.Kind.ORIGINAL).toList();
    double maxUnrelated = 0;
    for (int i = 0; i < originals.size(); i++) {
      for (int j = i + 1; j < originals.size(); j++) {
        maxUnrelated = Math.max(maxUnrelated, jaccard(originals.get(i), originals.get(j)));
      }
    }
    assertThat(maxUnrelated).isLessThan(0.3);
    reports.stream().filter(r -> r.kind() == ReportGenerator.Kind.NEAR_DUPLICATE).forEach(near ->
        assertThat(jaccard(near, originals.get(near.originalIndex()))).isGreaterThan(0.8));
  }

  private static double jaccard(ReportGenerator.Generated a, ReportGenerator.Generated b) {
    Set<String> x = shingles(a.json().get("body").asText());
    Set<String> y = shingles(b.json().get("body").asText());
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return (double) x.size() / union.size();
  }

  private static Set<String> shingles(String text) {
    String[] words = text.toLowerCase().split("\\W+");
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + 5 <= words.length; i++) {
      shingles.add(String.join(" ", Arrays.copyOfRange(words, i, i + 5)));
    }
    return shingles;
  }
}
