package io.lodestone.streams.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Decides which countries a report is about, from {@code country-focus.properties}: the dateline's country,
 * and countries whose score (mentions, plus bonuses for the title and the lead) reaches the minimum. Newswire
 * names many countries in passing ("shipped to the U.S."); the reported countries are the ones in focus.
 */
final class CountryFocus {
  private final int minScore;
  private final int titleBonus;
  private final int leadBonus;
  private final int leadChars;

  CountryFocus() {
    Properties properties = new Properties();
    try (InputStream in = CountryFocus.class.getResourceAsStream("country-focus.properties")) {
      if (in == null) {
        throw new IllegalStateException("Data file country-focus.properties is missing from the class path.");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read country-focus.properties", e);
    }
    minScore = integer(properties, "min-score");
    titleBonus = integer(properties, "title-bonus");
    leadBonus = integer(properties, "lead-bonus");
    leadChars = integer(properties, "lead-chars");
  }

  /** The countries in focus, the dateline's first, then by score (then first appearance). */
  List<CountryEvidence> select(List<CountryEvidence> evidence) {
    List<CountryEvidence> selected = new ArrayList<>();
    for (CountryEvidence e : evidence) {
      if (e.inDateline() || score(e) >= minScore) {
        selected.add(e);
      }
    }
    selected.sort(Comparator.comparing(CountryEvidence::inDateline).reversed()
        .thenComparing(Comparator.comparingInt(this::score).reversed()));
    return selected;
  }

  int score(CountryEvidence e) {
    boolean lead = e.firstBodyOffset() >= 0 && e.firstBodyOffset() < leadChars;
    return e.mentions() + (e.inTitle() ? titleBonus : 0) + (lead ? leadBonus : 0);
  }

  private static int integer(Properties properties, String key) {
    String value = properties.getProperty(key);
    try {
      return Integer.parseInt(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("country-focus.properties: " + key + " must be an integer, was '" + value + "'.");
    }
  }
}
