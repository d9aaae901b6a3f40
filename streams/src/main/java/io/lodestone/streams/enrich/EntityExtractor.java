package io.lodestone.streams.enrich;

import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.MoneyAmount;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.OrganizationMention;
import io.lodestone.schemas.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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
    MatchText prepared = prepare(text);
    List<PhraseMatcher.Match> matches = gazetteers.matcher().find(prepared);
    List<MoneyAmount> money = new ArrayList<>();
    List<Quantity> quantities = new ArrayList<>();
    gazetteers.amounts().extract(prepared, money, quantities);
    return Entities.newBuilder()
        .setCountries(countries(gazetteers.countryFocus().select(countryEvidence(prepared, matches))))
        .setMinerals(minerals(matches))
        .setOrganizations(organizations(matches))
        .setMoney(distinct(money))
        .setQuantities(distinct(quantities))
        .build();
  }

  /** Every country named, with its evidence, before the focus rule: for measuring and tuning the rule. */
  List<CountryEvidence> countryEvidence(NormalizedText text) {
    MatchText prepared = prepare(text);
    return countryEvidence(prepared, gazetteers.matcher().find(prepared));
  }

  private static MatchText prepare(NormalizedText text) {
    return MatchText.of(text.getTitle() == null ? "" : text.getTitle(), text.getBody() == null ? "" : text.getBody());
  }

  private List<CountryEvidence> countryEvidence(MatchText prepared, List<PhraseMatcher.Match> matches) {
    return gazetteers.countryResolver().resolve(prepared.text(), prepared.bodyStart(), matches);
  }

  private List<CountryMention> countries(List<CountryEvidence> evidence) {
    List<CountryMention> countries = new ArrayList<>(evidence.size());
    for (CountryEvidence e : evidence) {
      countries.add(CountryMention.newBuilder().setCode(e.code()).setName(gazetteers.countries().name(e.code()))
          .setMentions(e.mentions()).build());
    }
    return countries;
  }

  private static List<MineralMention> minerals(List<PhraseMatcher.Match> matches) {
    Map<Phrase.Mineral, Integer> counts = count(matches, Phrase.Mineral.class);
    List<MineralMention> minerals = new ArrayList<>(counts.size());
    counts.forEach((m, n) -> minerals.add(MineralMention.newBuilder().setId(m.id()).setName(m.name()).setGroup(m.group())
        .setCritical(m.critical()).setMentions(n).build()));
    minerals.sort(Comparator.comparingInt(MineralMention::getMentions).reversed());
    return minerals;
  }

  private static List<OrganizationMention> organizations(List<PhraseMatcher.Match> matches) {
    Map<Phrase.Organization, Integer> counts = count(matches, Phrase.Organization.class);
    List<OrganizationMention> organizations = new ArrayList<>(counts.size());
    counts.forEach((o, n) -> organizations.add(OrganizationMention.newBuilder().setId(o.id()).setName(o.name()).setKind(o.kind())
        .setMentions(n).build()));
    organizations.sort(Comparator.comparingInt(OrganizationMention::getMentions).reversed());
    return organizations;
  }

  /** Each amount once, though a headline and the body both state it (Avro records compare by value). */
  private static <T> List<T> distinct(List<T> amounts) {
    return amounts.size() < 2 ? amounts : new ArrayList<>(new LinkedHashSet<>(amounts));
  }

  /** Mentions per entry of one kind, in order of first mention. */
  private static <T extends Phrase.Entry> Map<T, Integer> count(List<PhraseMatcher.Match> matches, Class<T> kind) {
    Map<T, Integer> counts = new LinkedHashMap<>();
    for (PhraseMatcher.Match match : matches) {
      if (kind.isInstance(match.phrase().entry())) {
        counts.merge(kind.cast(match.phrase().entry()), 1, Integer::sum);
      }
    }
    return counts;
  }
}
