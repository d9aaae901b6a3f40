package io.lodestone.alerts.rules;

import io.lodestone.alerts.files.YamlFiles;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of one version of the rules file; ids are unique. */
public record RuleSet(List<AlertRule> rules) {
  public RuleSet {
    rules = rules == null ? List.of() : List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (AlertRule rule : rules) {
      rule.validate();
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("rule id " + rule.id() + " appears twice; alert ids derive from it");
      }
    }
  }

  /** Parses and validates a rules file; a {@link io.lodestone.alerts.files.DataFileException} says what is wrong. */
  public static RuleSet read(Path file) {
    return YamlFiles.read(file, RuleSet.class);
  }
}
