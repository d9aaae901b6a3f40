package io.lodestone.alerts.rules;

import io.lodestone.schemas.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One rule of the rules file. Every condition given must hold (an empty list is no condition); within
 * a list, any entry may match. A rule without any condition is refused: it would alert on every report.
 *
 * @param themes theme ids, of which the report must carry one with at least {@code minScore}
 * @param evidence terms one of which the matching theme's evidence must contain (case-insensitive)
 * @param minerals mineral ids or groups (e.g. lithium, rare-earths), one of which the report must mention
 * @param criticalMinerals whether the mentioned mineral must be on the critical-minerals list
 * @param countries ISO 3166-1 alpha-2 codes, one of which the report must mention
 * @param minRelevance the report's least supply-chain relevance
 */
public record AlertRule(String id, String description, Severity severity, List<String> themes, Double minScore,
    List<String> evidence, List<String> minerals, Boolean criticalMinerals, List<String> countries, Double minRelevance) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  public AlertRule {
    id = id == null ? null : id.strip();
    description = description == null || description.isBlank() ? id : description.strip();
    themes = normalized(themes, false);
    evidence = normalized(evidence, false);
    minerals = normalized(minerals, false);
    countries = normalized(countries, true);
    minScore = minScore == null ? 0.0 : minScore;
    criticalMinerals = criticalMinerals != null && criticalMinerals;
    minRelevance = minRelevance == null ? 0.0 : minRelevance;
  }

  /**
   * Refuses a rule that is malformed or would alert on every report. Called by {@link RuleSet} once the
   * whole file parsed, so that a misspelt key is reported as such rather than as a missing condition.
   */
  void validate() {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    if (severity == null) {
      throw new IllegalArgumentException("rule " + id + " has no severity (LOW, MEDIUM, HIGH or CRITICAL)");
    }
    if (minScore < 0 || minScore > 1 || minRelevance < 0 || minRelevance > 1) {
      throw new IllegalArgumentException("rule " + id + ": min_score and min_relevance must be between 0 and 1");
    }
    if (themes.isEmpty() && (minScore > 0 || !evidence.isEmpty())) {
      throw new IllegalArgumentException("rule " + id + ": min_score and evidence apply to themes, and the rule names none");
    }
    if (themes.isEmpty() && minerals.isEmpty() && !criticalMinerals && countries.isEmpty() && minRelevance == 0) {
      throw new IllegalArgumentException("rule " + id + " has no condition and would alert on every report");
    }
  }

  /** Whether the rule constrains the report's minerals at all. */
  boolean filtersMinerals() {
    return !minerals.isEmpty() || criticalMinerals;
  }

  private static List<String> normalized(List<String> values, boolean upperCase) {
    if (values == null) {
      return List.of();
    }
    return values.stream().map(String::strip).filter(v -> !v.isEmpty())
        .map(v -> upperCase ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
