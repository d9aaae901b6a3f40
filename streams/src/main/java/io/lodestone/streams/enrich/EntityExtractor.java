package io.lodestone.streams.enrich;

import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.NormalizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds countries, minerals, organizations, money amounts and quantities in normalized text, with gazetteers
 * and patterns kept as data files (see streams/ENRICH.md). The data are loaded once per JVM; instances are
 * cheap, immutable and thread-safe.
 */
public final class EntityExtractor {
  private final Gazetteers gazetteers;

  public EntityExtractor() {
    this(Gazetteers.shared());
  }

  EntityExtractor(Gazetteers gazetteers) {
    this.gazetteers = gazetteers;
  }

  public Entities extract(NormalizedText text) {
    String title = text.getTitle() == null ? "" : text.getTitle();
    String body = text.getBody() == null ? "" : text.getBody();
    String matchText = MatchText.of(title + "\n" + body);
    int bodyStart = title.length() + 1;
    List<PhraseMatcher.Match> matches = gazetteers.matcher().find(matchText);
    List<CountryEvidence> evidence = gazetteers.countryResolver().resolve(matchText, bodyStart, matches);
    return Entities.newBuilder()
        .setCountries(countries(evidence))
        .build();
  }

  /** Country evidence before the salience rule: for measuring and tuning the rule. */
  List<CountryEvidence> countryEvidence(NormalizedText text) {
    String title = text.getTitle() == null ? "" : text.getTitle();
    String body = text.getBody() == null ? "" : text.getBody();
    String matchText = MatchText.of(title + "\n" + body);
    return gazetteers.countryResolver().resolve(matchText, title.length() + 1, gazetteers.matcher().find(matchText));
  }

  private List<CountryMention> countries(List<CountryEvidence> evidence) {
    List<CountryMention> countries = new ArrayList<>();
    for (CountryEvidence e : evidence) {
      countries.add(CountryMention.newBuilder().setCode(e.code()).setName(gazetteers.countries().name(e.code())).setMentions(e.mentions()).build());
    }
    return countries;
  }
}
