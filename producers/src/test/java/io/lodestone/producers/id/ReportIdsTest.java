package io.lodestone.producers.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportIdsTest {
  @Test
  void idsAre32HexDigitsAndStable() {
    String id = ReportIds.fromCanonicalUrl("https://example.com/a");
    assertThat(id).matches("[0-9a-f]{32}").isEqualTo(ReportIds.fromCanonicalUrl("https://example.com/a"));
  }

  @Test
  void contentIdsIgnoreCaseWhitespaceAndUnicodeForms() {
    assertThat(ReportIds.fromContent("Cobalt  Prices\nFall", "Body ﬁne"))
        .isEqualTo(ReportIds.fromContent(" cobalt prices fall ", "body fine"));
    assertThat(ReportIds.fromContent("Cobalt prices fall", "a")).isNotEqualTo(ReportIds.fromContent("Cobalt prices rise", "a"));
  }

  @Test
  void aContentIdNeverEqualsAUrlId() {
    assertThat(ReportIds.fromContent("https://example.com/a", "")).isNotEqualTo(ReportIds.fromCanonicalUrl("https://example.com/a"));
  }
}
