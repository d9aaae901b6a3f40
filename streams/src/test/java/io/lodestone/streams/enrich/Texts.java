package io.lodestone.streams.enrich;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.NormalizedText;
import java.util.List;

/** Test helpers: extraction from a title and a body, and the codes or ids found. */
final class Texts {
  private static final EntityExtractor EXTRACTOR = new EntityExtractor();

  private Texts() {}

  static Entities extract(String title, String body) {
    return EXTRACTOR.extract(NormalizedText.newBuilder().setTitle(title).setBody(body).build());
  }

  static List<String> countries(String title, String body) {
    return extract(title, body).getCountries().stream().map(c -> c.getCode()).toList();
  }

  /** Every country named in a body (before the focus rule), for testing the gazetteers and ambiguity rules. */
  static List<String> named(String body) {
    return EXTRACTOR.countryEvidence(NormalizedText.newBuilder().setTitle("").setBody(body).build()).stream()
        .map(CountryEvidence::code).toList();
  }

  static List<String> minerals(String body) {
    return extract("", body).getMinerals().stream().map(m -> m.getId()).toList();
  }

  static List<String> organizations(String body) {
    return extract("", body).getOrganizations().stream().map(o -> o.getId()).toList();
  }
}
