package io.lodestone.streams.enrich;

import io.lodestone.streams.enrich.Phrase.CountryEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The country data files: {@code countries.tsv} (codes and names), {@code country-names.tsv} (names, aliases,
 * demonyms, institutions, stop phrases) and {@code places.tsv} (capitals, cities, states, provinces).
 */
final class CountryGazetteer {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final List<Phrase> phrases = new ArrayList<>();
  private final Map<String, CountryEntry> places = new HashMap<>();

  CountryGazetteer() {
    for (DataFile.Row row : DataFile.rows("countries.tsv", 2)) {
      names.put(row.get(0), row.get(1));
    }
    load("country-names.tsv");
    load("places.tsv");
  }

  private void load(String file) {
    for (DataFile.Row row : DataFile.rows(file, 5)) {
      List<String> codes = row.get(1).equals("-") ? List.of() : Arrays.asList(row.get(1).split("\\|"));
      for (String code : codes) {
        if (!names.containsKey(code)) {
          throw row.error("unknown country code " + code + " (not in countries.tsv)");
        }
      }
      CountryEntry entry = new CountryEntry(List.copyOf(codes), row.get(2));
      Phrase phrase;
      try {
        phrase = new Phrase(row.get(0), CaseRule.parse(row.get(3)), Scope.parse(row.get(4)), entry);
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
      if (phrase.scope() != Scope.DATELINE) {
        phrases.add(phrase);
      }
      places.putIfAbsent(key(phrase.text()), entry);
    }
  }

  /** Phrases to match anywhere in a text (all but dateline-only places). */
  List<Phrase> phrases() {
    return phrases;
  }

  /** The country name for a code, e.g. "India" for IN. */
  String name(String code) {
    return names.get(code);
  }

  /** A place, country or region named exactly so (any case), as in a dateline; null when unknown. */
  CountryEntry place(String name) {
    return places.get(key(name));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
