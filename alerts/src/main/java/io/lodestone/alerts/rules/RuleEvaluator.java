package io.lodestone.alerts.rules;

import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.ThemeScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Decides which rules hold for a report. Stateless and thread-safe. */
public final class RuleEvaluator {
  private RuleEvaluator() {}

  /** The matches of every rule of the set that holds for the report, in the file's order. */
  public static List<RuleMatch> evaluate(RuleSet rules, EnrichedReport report) {
    List<RuleMatch> matches = new ArrayList<>();
    for (AlertRule rule : rules.rules()) {
      match(rule, report).ifPresent(matches::add);
    }
    return matches;
  }

  public static Optional<RuleMatch> match(AlertRule rule, EnrichedReport report) {
    if (report.getRelevance() < rule.minRelevance()) {
      return Optional.empty();
    }
    List<ThemeScore> themes = report.getThemes().stream().filter(t -> themeHolds(rule, t)).toList();
    List<String> minerals = report.getEntities().getMinerals().stream().filter(m -> mineralHolds(rule, m))
        .map(MineralMention::getId).toList();
    List<String> countries = report.getEntities().getCountries().stream().map(CountryMention::getCode)
        .filter(code -> rule.countries().isEmpty() || rule.countries().contains(code.toUpperCase(Locale.ROOT))).toList();
    if ((!rule.themes().isEmpty() && themes.isEmpty()) || (rule.filtersMinerals() && minerals.isEmpty())
        || (!rule.countries().isEmpty() && countries.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new RuleMatch(rule, rule.themes().isEmpty() ? report.getThemes() : themes, minerals, countries));
  }

  private static boolean themeHolds(AlertRule rule, ThemeScore theme) {
    if (!rule.themes().contains(theme.getId().toLowerCase(Locale.ROOT)) || theme.getScore() < rule.minScore()) {
      return false;
    }
    return rule.evidence().isEmpty() || theme.getEvidence().stream()
        .map(phrase -> phrase.toLowerCase(Locale.ROOT))
        .anyMatch(phrase -> rule.evidence().stream().anyMatch(phrase::contains));
  }

  private static boolean mineralHolds(AlertRule rule, MineralMention mineral) {
    if (rule.criticalMinerals() && !mineral.getCritical()) {
      return false;
    }
    return rule.minerals().isEmpty() || rule.minerals().contains(mineral.getId().toLowerCase(Locale.ROOT))
        || rule.minerals().contains(mineral.getGroup().toLowerCase(Locale.ROOT));
  }
}
