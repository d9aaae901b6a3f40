package io.lodestone.alerts.rules;

import static io.lodestone.alerts.EnrichedReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alerts.AlertIds;
import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Severity;
import io.lodestone.schemas.SupplyChainAlert;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {
  /** The rules file that ships with Lodestone. */
  private static final RuleSet SHIPPED = RuleSet.read(Path.of(System.getProperty("lodestone.repo", ".."),
      "deploy/alerts/rules.yaml"));

  private static List<String> matchingRules(RuleSet rules, EnrichedReport report) {
    return RuleEvaluator.evaluate(rules, report).stream().map(m -> m.rule().id()).toList();
  }

  @Test
  void exportControlsOnACriticalMineralRaiseAHighAlert() {
    EnrichedReport report = report("r1").title("China tightens graphite export controls")
        .theme("trade-geopolitics", 0.91, "export controls", "licences").mineral("graphite", "battery-metals", true)
        .country("CN").build();

    List<RuleMatch> matches = RuleEvaluator.evaluate(SHIPPED, report);

    assertThat(matches).extracting(m -> m.rule().id()).containsExactly("export-restriction-critical-mineral");
    SupplyChainAlert alert = RuleAlerts.alert(matches.get(0), report, Instant.parse("2026-01-13T09:00:00Z"));
    assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(alert.getKind()).isEqualTo(AlertKind.RULE);
    assertThat(alert.getId()).isEqualTo(AlertIds.forRule("export-restriction-critical-mineral", "r1"));
    assertThat(alert.getThemes()).containsExactly("trade-geopolitics");
    assertThat(alert.getMinerals()).containsExactly("graphite");
    assertThat(alert.getCountries()).containsExactly("CN");
    assertThat(alert.getReportIds()).containsExactly("r1");
    assertThat(alert.getWindow()).isNull();
    assertThat(alert.getSummary()).isEqualTo("Export restriction on a critical mineral: China tightens graphite export "
        + "controls (trade-geopolitics 0.91; graphite; CN)");
  }

  @Test
  void tradeNewsWithoutExportEvidenceOrCriticalMineralRaisesNothing() {
    EnrichedReport tariffs = report("r2").theme("trade-geopolitics", 0.95, "tariffs", "trade talks")
        .mineral("graphite", "battery-metals", true).build();
    EnrichedReport notCritical = report("r3").theme("trade-geopolitics", 0.95, "export ban")
        .mineral("iron-ore", "ferrous", false).build();
    EnrichedReport lowScore = report("r4").theme("trade-geopolitics", 0.4, "export ban")
        .mineral("gallium", "minor-metals", true).build();

    assertThat(matchingRules(SHIPPED, tariffs)).isEmpty();
    assertThat(matchingRules(SHIPPED, notCritical)).isEmpty();
    assertThat(matchingRules(SHIPPED, lowScore)).isEmpty();
  }

  @Test
  void everyRuleThatHoldsRaisesItsOwnAlert() {
    EnrichedReport strike = report("r5").theme("supply-disruption", 0.85, "strike").mineral("cobalt", "battery-metals", true)
        .country("CD").build();

    assertThat(matchingRules(SHIPPED, strike)).containsExactly("supply-disruption-critical-mineral", "supply-disruption");
  }

  @Test
  void mineralsMatchByIdOrGroupAndCountriesByCode() {
    RuleSet rules = new RuleSet(List.of(
        new AlertRule("by-group", null, Severity.LOW, null, null, null, List.of("rare-earths"), null, null, null),
        new AlertRule("by-id", null, Severity.LOW, null, null, null, List.of("Neodymium"), null, null, null),
        new AlertRule("by-country", null, Severity.LOW, null, null, null, null, null, List.of("mm"), null),
        new AlertRule("elsewhere", null, Severity.LOW, null, null, null, null, null, List.of("CL"), null)));
    EnrichedReport report = report("r6").mineral("neodymium", "rare-earths", true).mineral("copper", "base-metals", false)
        .country("MM").country("CN").build();

    List<RuleMatch> matches = RuleEvaluator.evaluate(rules, report);

    assertThat(matches).extracting(m -> m.rule().id()).containsExactly("by-group", "by-id", "by-country");
    assertThat(matches.get(0).minerals()).containsExactly("neodymium");
    assertThat(matches.get(2).countries()).containsExactly("MM");
    assertThat(matches.get(2).minerals()).as("all minerals when the rule does not filter them")
        .containsExactly("neodymium", "copper");
  }

  @Test
  void relevanceBelowTheRulesMinimumRaisesNothing() {
    AlertRule rule = new AlertRule("relevant-recycling", null, Severity.LOW, List.of("recycling-circular"), 0.5, null,
        null, null, null, 0.7);

    assertThat(RuleEvaluator.match(rule, report("r7").theme("recycling-circular", 0.9).relevance(0.6).build())).isEmpty();
    assertThat(RuleEvaluator.match(rule, report("r8").theme("recycling-circular", 0.9).relevance(0.7).build())).isPresent();
  }

  @Test
  void alertIdsAreStablePerRuleAndReport() {
    assertThat(AlertIds.forRule("a", "r1")).isEqualTo(AlertIds.forRule("a", "r1")).hasSize(32)
        .isNotEqualTo(AlertIds.forRule("a", "r2")).isNotEqualTo(AlertIds.forRule("b", "r1"));
  }
}
