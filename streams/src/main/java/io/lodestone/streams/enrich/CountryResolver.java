package io.lodestone.streams.enrich;

import io.lodestone.streams.enrich.Phrase.CountryEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns country phrase matches and the dateline into per-country evidence: drops a city qualified by the state
 * or country after it ("London, Ontario" is in Canada), resolves ambiguous phrases ("Georgia", "Congo",
 * "Moscow") to the candidate the rest of the report names unambiguously (else the first, the default), and
 * counts mentions.
 */
final class CountryResolver {
  private final CountryGazetteer gazetteer;

  CountryResolver(CountryGazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * Evidence per country in order of first appearance.
   *
   * @param text the title, a line break and the body, as matched
   * @param bodyStart where the body starts in {@code text}
   */
  List<CountryEvidence> resolve(String text, int bodyStart, List<PhraseMatcher.Match> matches) {
    Optional<Dateline> dateline = Dateline.parse(text, bodyStart);
    int datelineEnd = bodyStart + dateline.map(Dateline::end).orElse(0);
    List<PhraseMatcher.Match> countries = new ArrayList<>();
    for (PhraseMatcher.Match match : matches) {
      if (match.phrase().entry() instanceof CountryEntry entry && !entry.isStop()
          && (match.start() < bodyStart || match.start() >= datelineEnd)) {
        countries.add(match);
      }
    }
    List<PhraseMatcher.Match> kept = dropQualifiedCities(text, countries);
    CountryEntry datelinePlace = dateline.map(this::place).orElse(null);

    Map<String, Integer> unambiguous = new HashMap<>();
    for (PhraseMatcher.Match match : kept) {
      countUnambiguous(unambiguous, entry(match));
    }
    if (datelinePlace != null) {
      countUnambiguous(unambiguous, datelinePlace);
    }

    Map<String, CountryEvidence> evidence = new LinkedHashMap<>();
    if (datelinePlace != null) {
      add(evidence, choose(datelinePlace, unambiguous), false, true, 0);
    }
    for (PhraseMatcher.Match match : kept) {
      boolean inTitle = match.start() < bodyStart;
      add(evidence, choose(entry(match), unambiguous), inTitle, false, inTitle ? -1 : match.start() - bodyStart);
    }
    return new ArrayList<>(evidence.values());
  }

  /** The dateline's qualifier when it is a known state or country, else its city. */
  private CountryEntry place(Dateline dateline) {
    if (dateline.qualifier() != null) {
      CountryEntry qualifier = gazetteer.place(dateline.qualifier());
      if (qualifier != null && qualifier.canQualify()) {
        return qualifier;
      }
    }
    CountryEntry city = gazetteer.place(dateline.city());
    return city == null || city.isStop() ? null : city;
  }

  private static List<PhraseMatcher.Match> dropQualifiedCities(String text, List<PhraseMatcher.Match> countries) {
    List<PhraseMatcher.Match> kept = new ArrayList<>(countries.size());
    for (int i = 0; i < countries.size(); i++) {
      PhraseMatcher.Match match = countries.get(i);
      boolean qualified = i + 1 < countries.size() && entry(match).isCity() && entry(countries.get(i + 1)).canQualify()
          && countries.get(i + 1).start() == match.end() + 2 && text.startsWith(", ", match.end());
      if (!qualified) {
        kept.add(match);
      }
    }
    return kept;
  }

  private static CountryEntry entry(PhraseMatcher.Match match) {
    return (CountryEntry) match.phrase().entry();
  }

  private static void countUnambiguous(Map<String, Integer> counts, CountryEntry entry) {
    if (entry.codes().size() == 1) {
      counts.merge(entry.codes().get(0), 1, Integer::sum);
    }
  }

  /** The candidate with the most unambiguous mentions elsewhere, the first (default) candidate on a tie. */
  private static String choose(CountryEntry entry, Map<String, Integer> unambiguous) {
    String best = entry.codes().get(0);
    int bestCount = unambiguous.getOrDefault(best, 0);
    for (String code : entry.codes()) {
      int count = unambiguous.getOrDefault(code, 0);
      if (count > bestCount) {
        best = code;
        bestCount = count;
      }
    }
    return best;
  }

  private static void add(Map<String, CountryEvidence> evidence, String code, boolean title, boolean dateline, int bodyOffset) {
    evidence.put(code, evidence.getOrDefault(code, CountryEvidence.none(code)).plus(title, dateline, bodyOffset));
  }
}
