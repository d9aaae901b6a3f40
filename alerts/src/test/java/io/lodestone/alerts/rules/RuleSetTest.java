package io.lodestone.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.alerts.files.DataFileException;
import io.lodestone.schemas.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {
  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("rules.yaml"), yaml);
  }

  @Test
  void readsEveryFieldOfARule() throws IOException {
    RuleSet rules = RuleSet.read(file("""
        rules:
          - id: lithium-chile
            description: Lithium news from Chile
            severity: critical
            themes: [Supply-Disruption, policy-incentives]
            min_score: 0.5
            evidence: [Strike]
            minerals: lithium
            critical_minerals: true
            countries: [cl]
            min_relevance: 0.3
        """));

    AlertRule rule = rules.rules().get(0);
    assertThat(rule.id()).isEqualTo("lithium-chile");
    assertThat(rule.description()).isEqualTo("Lithium news from Chile");
    assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule.themes()).containsExactly("supply-disruption", "policy-incentives");
    assertThat(rule.minScore()).isEqualTo(0.5);
    assertThat(rule.evidence()).containsExactly("strike");
    assertThat(rule.minerals()).containsExactly("lithium");
    assertThat(rule.criticalMinerals()).isTrue();
    assertThat(rule.countries()).containsExactly("CL");
    assertThat(rule.minRelevance()).isEqualTo(0.3);
  }

  @Test
  void aTypoInAKeyIsRefusedWithTheFileAndLine() throws IOException {
    Path file = file("""
        rules:
          - id: typo
            severity: HIGH
            themez: [supply-disruption]
        """);

    assertThatThrownBy(() -> RuleSet.read(file)).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(file + " line ").hasMessageContaining("unknown key 'themez'; known keys: ")
        .hasMessageContaining("themes");
  }

  @Test
  void aFileThatIsNotYamlIsRefusedWithTheLineOfItsProblemInOneLine() throws IOException {
    Path file = file("""
        rules:
          - id: unclosed
            themes: [supply-disruption
        """);

    assertThatThrownBy(() -> RuleSet.read(file)).isInstanceOf(DataFileException.class)
        .hasMessage(file + ": expected ',' or ']', but got <stream end> (line 4, column 1)");
  }

  @Test
  void aRuleWithoutConditionIsRefused() throws IOException {
    Path file = file("""
        rules:
          - id: everything
            severity: LOW
        """);

    assertThatThrownBy(() -> RuleSet.read(file)).isInstanceOf(DataFileException.class)
        .hasMessageContaining("rule everything has no condition and would alert on every report");
  }

  @Test
  void duplicateIdsUnknownSeveritiesAndScoresOutOfRangeAreRefused() throws IOException {
    Path twice = file("""
        rules:
          - {id: a, severity: LOW, themes: [recycling-circular]}
          - {id: a, severity: HIGH, themes: [supply-disruption]}
        """);
    assertThatThrownBy(() -> RuleSet.read(twice)).hasMessageContaining("rule id a appears twice");

    Path severe = file("rules:\n  - {id: b, severity: SEVERE, themes: [supply-disruption]}\n");
    assertThatThrownBy(() -> RuleSet.read(severe)).isInstanceOf(DataFileException.class).hasMessageContaining("SEVERE");

    Path score = file("rules:\n  - {id: c, severity: LOW, themes: [supply-disruption], min_score: 2}\n");
    assertThatThrownBy(() -> RuleSet.read(score)).hasMessageContaining("must be between 0 and 1");
  }

  @Test
  void aMissingFileIsOneSentence() {
    assertThatThrownBy(() -> RuleSet.read(dir.resolve("absent.yaml"))).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith("cannot read " + dir.resolve("absent.yaml"));
  }
}
