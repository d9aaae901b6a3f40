package io.lodestone.streams.enrich;

import java.util.ArrayList;
import java.util.List;

/** All enrich data files, loaded once per JVM, and the matcher built from them. */
final class Gazetteers {
  private static volatile Gazetteers shared;

  private final CountryGazetteer countries;
  private final CountryResolver countryResolver;
  private final PhraseMatcher matcher;

  private Gazetteers() {
    countries = new CountryGazetteer();
    countryResolver = new CountryResolver(countries);
    List<Phrase> phrases = new ArrayList<>(countries.phrases());
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

  PhraseMatcher matcher() {
    return matcher;
  }
}
