package io.lodestone.streams.classify;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.ThemeScore;
import io.lodestone.streams.classify.DocumentEvidence.Contribution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies a report by supply-chain theme (multi-label), with a score in [0, 1] and the evidence
 * phrases per theme, and an overall supply-chain relevance in [0, 1]. The themes, their phrases and
 * weights, and every scoring constant come from the taxonomy data file (see CLASSIFY.md); matching
 * runs on Lucene English stems with one Aho-Corasick pass per field. Thread-safe and immutable.
 */
public final class ThemeClassifier {
  private static final int MAX_EVIDENCE = 5;
  private static final int MAX_MINERALS = 3;

  private final CompiledTaxonomy compiled;
  private final Taxonomy taxonomy;

  /** With the taxonomy bundled in the jar. */
  public ThemeClassifier() {
    this(Taxonomy.bundled());
  }

  public ThemeClassifier(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.compiled = new CompiledTaxonomy(taxonomy);
  }

  /** With an analyst's taxonomy file (configuration option {@code taxonomy.file}); blank means the bundled one. */
  public static ThemeClassifier fromFile(String taxonomyFile) {
    return taxonomyFile == null || taxonomyFile.isBlank() ? new ThemeClassifier() : fromFile(Path.of(taxonomyFile));
  }

  public static ThemeClassifier fromFile(Path taxonomyFile) {
    return new ThemeClassifier(Taxonomy.load(taxonomyFile));
  }

  public String taxonomyVersion() {
    return taxonomy.version();
  }

  public Classification classify(NormalizedText text, Entities entities) {
    DocumentEvidence evidence = new DocumentEvidence(compiled);
    evidence.read(compiled.index.analyze(text.getTitle(), true));
    evidence.read(compiled.index.analyze(text.getBody(), false));
    Taxonomy.Scoring scoring = taxonomy.scoring();
    double lengthNorm = Math.pow(Math.max(1.0, (double) evidence.tokens() / scoring.lengthReference()), scoring.lengthExponent());
    List<MineralMention> minerals = entities == null ? List.of() : entities.getMinerals();

    int themeCount = compiled.themes.size();
    List<List<Contribution>> contributions = new ArrayList<>(themeCount);
    double[] themeScores = new double[themeCount];
    double supply = 0;
    double strongest = 0;
    for (int t = 0; t < themeCount; t++) {
      List<Contribution> theme = evidence.themeContributions(t);
      contributions.add(theme);
      double value = supported(t, evidence) ? (DocumentEvidence.sum(theme) + mineralEvidence(compiled.themes.get(t), minerals)) / lengthNorm : 0;
      themeScores[t] = saturate(value, compiled.themes.get(t).saturation());
      supply += Math.max(0, value);
      strongest = Math.max(strongest, themeScores[t]);
    }
    for (int c : compiled.relevanceContexts) {
      supply += evidence.contextEvidence(c);
    }
    supply += taxonomy.relevance().mineralWeight() * Math.min(MAX_MINERALS, minerals.size());
    double offTopic = taxonomy.relevance().offTopicWeight() * evidence.offTopicEvidence() / lengthNorm;
    double relevance = saturate(supply - offTopic, taxonomy.relevance().saturation());

    List<ThemeScore> themes = new ArrayList<>();
    if (relevance >= taxonomy.relevance().threshold()) {
      for (int t = 0; t < themeCount; t++) {
        Taxonomy.Theme theme = compiled.themes.get(t);
        double score = themeScores[t];
        if (score >= theme.threshold() && score >= scoring.minShare() * strongest) {
          themes.add(ThemeScore.newBuilder().setId(theme.id()).setScore(round(score))
              .setEvidence(evidencePhrases(contributions.get(t))).build());
        }
      }
    }
    themes.sort(Comparator.comparingDouble(ThemeScore::getScore).reversed());
    return new Classification(themes, round(relevance), taxonomy.version());
  }

  /** A theme that requires contexts (e.g. a productive asset for financing) counts only when one of them occurs. */
  private boolean supported(int theme, DocumentEvidence evidence) {
    int[] required = compiled.requiredContexts.get(theme);
    if (required.length == 0) {
      return true;
    }
    for (int c : required) {
      if (evidence.hasContext(c)) {
        return true;
      }
    }
    return false;
  }

  private static double mineralEvidence(Taxonomy.Theme theme, List<MineralMention> minerals) {
    double sum = 0;
    int counted = 0;
    for (MineralMention mineral : minerals) {
      Double weight = theme.minerals().get(mineral.getGroup());
      if (weight != null && counted++ < MAX_MINERALS) {
        sum += weight;
      }
    }
    return sum;
  }

  private static List<String> evidencePhrases(List<Contribution> contributions) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> phrases = new ArrayList<>();
    for (Contribution contribution : contributions) {
      if (contribution.value() <= 0 || phrases.size() == MAX_EVIDENCE) {
        break;
      }
      String phrase = contribution.hit().phrase();
      if (seen.add(phrase.toLowerCase(Locale.ROOT))) {
        phrases.add(phrase);
      }
    }
    return phrases;
  }

  /** Maps evidence in [0, inf) to [0, 1): 1 - e^(-evidence / saturation). */
  private static double saturate(double evidence, double saturation) {
    return evidence <= 0 ? 0 : 1 - Math.exp(-evidence / saturation);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
