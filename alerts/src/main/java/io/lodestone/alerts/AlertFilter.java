package io.lodestone.alerts;

import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.Severity;
import io.lodestone.schemas.SupplyChainAlert;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which alerts a subscriber wants. Every filter given must pass; an empty list passes everything; a list
 * passes an alert that carries at least one of its entries (themes, minerals: ids; countries: ISO codes).
 */
public record AlertFilter(Severity minSeverity, Set<AlertKind> kinds, Set<String> themes, Set<String> minerals,
    Set<String> countries) {
  public static final AlertFilter ALL = new AlertFilter(null, null, null, null, null);

  public AlertFilter {
    minSeverity = minSeverity == null ? Severity.LOW : minSeverity;
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    themes = normalized(themes, false);
    minerals = normalized(minerals, false);
    countries = normalized(countries, true);
  }

  public boolean matches(SupplyChainAlert alert) {
    return alert.getSeverity().ordinal() >= minSeverity.ordinal()
        && (kinds.isEmpty() || kinds.contains(alert.getKind()))
        && overlaps(themes, alert.getThemes(), false)
        && overlaps(minerals, alert.getMinerals(), false)
        && overlaps(countries, alert.getCountries(), true);
  }

  private static boolean overlaps(Set<String> wanted, List<String> carried, boolean upperCase) {
    return wanted.isEmpty() || carried.stream().anyMatch(value -> wanted.contains(normalized(value, upperCase)));
  }

  private static Set<String> normalized(Set<String> values, boolean upperCase) {
    return values == null ? Set.of() : values.stream().map(v -> normalized(v, upperCase)).collect(Collectors.toUnmodifiableSet());
  }

  private static String normalized(String value, boolean upperCase) {
    return upperCase ? value.strip().toUpperCase(Locale.ROOT) : value.strip().toLowerCase(Locale.ROOT);
  }
}
