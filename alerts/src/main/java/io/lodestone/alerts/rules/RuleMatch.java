package io.lodestone.alerts.rules;

import io.lodestone.schemas.ThemeScore;
import java.util.List;

/**
 * A rule that holds for a report, with what made it hold: the matching themes, and the minerals and
 * countries the rule asked for (all of the report's when the rule does not filter on them).
 */
public record RuleMatch(AlertRule rule, List<ThemeScore> themes, List<String> minerals, List<String> countries) {}
