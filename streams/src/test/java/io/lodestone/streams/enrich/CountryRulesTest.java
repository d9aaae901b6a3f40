package io.lodestone.streams.enrich;

import static io.lodestone.streams.enrich.Texts.countries;
import static io.lodestone.streams.enrich.Texts.extract;
import static io.lodestone.streams.enrich.Texts.named;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The case, longest-match, ambiguity, dateline and focus rules of the country gazetteers (streams/ENRICH.md). */
class CountryRulesTest {

  @Test
  void acronymsMatchOnlyInTheirOwnCase() {
    assertThat(named("Exports to the US and the UK rose.")).containsExactly("US", "GB");
    assertThat(named("Tell us about it.")).isEmpty();
    assertThat(named("U.S. and U.K. officials met.")).containsExactly("US", "GB");
  }

  @Test
  void namesNeedACapitalOrAllCapitals() {
    assertThat(named("CHINA and China")).containsExactly("CN");
    assertThat(named("fine china, roast turkey and chile peppers")).isEmpty();
    assertThat(named("Turkey and Chile signed")).containsExactly("TR", "CL");
  }

  @Test
  void longestMatchWins() {
    assertThat(named("Mines in New South Wales")).containsExactly("AU");
    assertThat(named("Papua New Guinea exports")).containsExactly("PG");
    assertThat(named("Niger and Nigeria")).containsExactly("NE", "NG");
    assertThat(named("the Republic of Korea")).containsExactly("KR");
    assertThat(named("plants in British Columbia")).containsExactly("CA");
    assertThat(named("Equatorial Guinea and Guinea-Bissau")).containsExactly("GQ", "GW");
  }

  @Test
  void stopPhrasesNameNoCountry() {
    assertThat(named("ships in the Indian Ocean")).isEmpty();
    assertThat(named("Latin American debt")).isEmpty();
    assertThat(named("a Dutch auction tender offer")).isEmpty();
    assertThat(named("priced in U.S. dollars")).isEmpty();
  }

  @Test
  void demonymsAndPlacesImplyTheirCountry() {
    assertThat(named("Indian refiners")).containsExactly("IN");
    assertThat(named("a plant in Gujarat")).containsExactly("IN");
    assertThat(named("the Bundesbank said")).containsExactly("DE");
    assertThat(named("talks in Peking")).containsExactly("CN");
  }

  @Test
  void ambiguousPhrasesFollowTheRestOfTheReport() {
    assertThat(named("a battery plant in Georgia")).containsExactly("US");
    assertThat(named("Georgia's manganese mines near Tbilisi")).containsExactly("GE");
    assertThat(named("cobalt from Congo")).containsExactly("CD");
    assertThat(named("Congo and its capital Brazzaville")).containsExactly("CG");
    assertThat(named("Moscow said")).containsExactly("RU");
    assertThat(named("the Soviet Union, Moscow said")).containsExactly("SU");
  }

  @Test
  void aStateOrCountryAfterACityQualifiesIt() {
    assertThat(named("a plant in London, Ontario")).containsExactly("CA");
    assertThat(named("offices in Birmingham, Ala., and Dallas")).containsExactly("US");
    assertThat(named("a store in Paris, Texas")).containsExactly("US");
  }

  @Test
  void datelinePlaceIsTheCountryOfTheReport() {
    assertThat(countries("QUARTERLY NET", "HAUPPAUGE, N.Y., March 3 - Shr 10 cts vs nine cts")).containsExactly("US");
    assertThat(countries("QUARTERLY NET", "TULSA, Okla., March 3 - Net profit rose")).containsExactly("US");
    assertThat(countries("", "FRANKFURT, March 2 - Bond issues were light")).containsExactly("DE");
    assertThat(countries("", "New Delhi, Jan 13: The minister said")).containsExactly("IN");
    assertThat(countries("", "PORT OF SPAIN, TRINIDAD, March 24 - The ministry said")).containsExactly("TT");
  }

  @Test
  void stockSymbolsAreNotCountries() {
    assertThat(named("Rockwell International <ROK> sold notes")).isEmpty();
  }

  @Test
  void incidentalMentionsAreNotReported() {
    String body = "TOKYO, March 3 - Japanese exporters expect higher sales this year, a survey said. "
        + "Shipments to the U.S. were flat. Japan's trade surplus grew.";
    assertThat(countries("JAPAN EXPORTERS UPBEAT", body)).containsExactly("JP");
    assertThat(extract("JAPAN EXPORTERS UPBEAT", body).getCountries().get(0).getMentions()).isEqualTo(4);
  }

  @Test
  void repeatedMentionsAreReported() {
    String body = "The U.S. said it would raise tariffs. U.S. officials said the U.S. move was final.";
    assertThat(countries("TRADE", body)).containsExactly("US");
  }
}
