package io.lodestone.streams.enrich;

import java.util.ArrayList;
import java.util.List;

/** All enrich data files, loaded once per JVM, and the matcher built from them. */
final class Gazetteers {
  private static volatile Gazetteers shared;

  private final CountryGazetteer countries;
  private final CountryResolver countryResolver;
  private final CountryFocus countryFocus;
  private final AmountExtractor amounts;
  private final PhraseMatcher matcher;

  private Gazetteers() {
    countries = new CountryGazetteer();
    countryResolver = new CountryResolver(countries);
    countryFocus = new CountryFocus();
    amounts = new AmountExtractor(new AmountTables());
    List<Phrase> phrases = new ArrayList<>(countries.phrases());
    phrases.addAll(EntryGazetteer.minerals());
    phrases.addAll(EntryGazetteer.organizations());
    matcher = new PhraseMatcher(phrases);
  }

  static Gazetteers shared() {
    Gazetteers result = shared;
    if (result == null) {
      synchronized (Gazetteers.class) {
        result = shared;
        if (result == null) {
          result = new Gazetteers();
          shared = result;
        }
      }
    }
    return result;
  }

  CountryGazetteer countries() {
    return countries;
  }

  CountryResolver countryResolver() {
    return countryResolver;
  }

  CountryFocus countryFocus() {
    return countryFocus;
  }

  AmountExtractor amounts() {
    return amounts;
  }

  PhraseMatcher matcher() {
    return matcher;
  }
}
