package io.lodestone.alerts.rules;

import io.lodestone.alerts.AlertIds;
import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.SupplyChainAlert;
import io.lodestone.schemas.ThemeScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the alert of a rule match. */
public final class RuleAlerts {
  private RuleAlerts() {}

  public static SupplyChainAlert alert(RuleMatch match, EnrichedReport report, Instant createdAt) {
    String reportId = report.getReport().getId();
    return SupplyChainAlert.newBuilder()
        .setId(AlertIds.forRule(match.rule().id(), reportId))
        .setKind(AlertKind.RULE)
        .setRule(match.rule().id())
        .setSeverity(match.rule().severity())
        .setThemes(match.themes().stream().map(ThemeScore::getId).toList())
        .setMinerals(match.minerals())
        .setCountries(match.countries())
        .setReportIds(List.of(reportId))
        .setSummary(summary(match, report))
        .setWindow(null)
        .setCreatedAt(createdAt)
        .build();
  }

  /** e.g. "Export restriction on a critical mineral: China curbs graphite exports (trade-geopolitics 0.91; graphite; CN)". */
  static String summary(RuleMatch match, EnrichedReport report) {
    List<String> context = new ArrayList<>();
    if (!match.themes().isEmpty()) {
      context.add(String.join(", ", match.themes().stream()
          .map(t -> String.format(Locale.ROOT, "%s %.2f", t.getId(), t.getScore())).toList()));
    }
    if (!match.minerals().isEmpty()) {
      context.add(String.join(", ", match.minerals()));
    }
    if (!match.countries().isEmpty()) {
      context.add(String.join(", ", match.countries()));
    }
    String title = report.getText().getTitle().isBlank() ? report.getReport().getTitle() : report.getText().getTitle();
    return match.rule().description() + ": " + title + (context.isEmpty() ? "" : " (" + String.join("; ", context) + ")");
  }
}
