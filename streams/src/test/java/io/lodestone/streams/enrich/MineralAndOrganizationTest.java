package io.lodestone.streams.enrich;

import static io.lodestone.streams.enrich.Texts.extract;
import static io.lodestone.streams.enrich.Texts.minerals;
import static io.lodestone.streams.enrich.Texts.organizations;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.schemas.MineralMention;
import org.junit.jupiter.api.Test;

class MineralAndOrganizationTest {

  @Test
  void chemicalFormsAndPhrasesNameTheirMineral() {
    assertThat(minerals("Lithium carbonate and lithium hydroxide from spodumene")).containsExactly("lithium");
    assertThat(minerals("NdFeB magnets")).containsExactly("neodymium");
    assertThat(minerals("cobalt hydroxide and nickel sulphate")).containsExactly("cobalt", "nickel");
    assertThat(minerals("REE and rare‑earth oxides")).containsExactly("rare-earths");
  }

  @Test
  void mineralsCarryGroupAndCriticalFlag() {
    MineralMention dysprosium = extract("", "Dysprosium prices rose").getMinerals().get(0);
    assertThat(dysprosium.getGroup()).isEqualTo("rare-earths");
    assertThat(dysprosium.getCritical()).isTrue();
    MineralMention copper = extract("", "copper output").getMinerals().get(0);
    assertThat(copper.getGroup()).isEqualTo("base-metals");
    assertThat(copper.getCritical()).isFalse();
  }

  @Test
  void acronymsAreCaseSensitiveAndEverydayWordsNeedContext() {
    assertThat(minerals("the ree was tall")).isEmpty();
    assertThat(minerals("This will lead to higher prices")).isEmpty();
    assertThat(minerals("lead and zinc concentrates")).containsExactly("lead", "zinc");
    assertThat(minerals("Lead stocks held by refiners rose; production of lead fell")).containsExactly("lead");
    assertThat(minerals("the Commission said the Soviet Union is dumping mercury")).containsExactly("mercury");
    assertThat(minerals("Mercury Entertainment Corp and the Mercury Sable")).isEmpty();
  }

  @Test
  void mentionsAreCountedAndSortedByCount() {
    assertThat(extract("", "Graphite and cobalt. Graphite anodes. Natural graphite.").getMinerals())
        .extracting(MineralMention::getId, MineralMention::getMentions)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("graphite", 3), org.assertj.core.groups.Tuple.tuple("cobalt", 1));
  }

  @Test
  void organizationsByNameAndAcronym() {
    assertThat(organizations("The IEA and the Minerals Security Partnership (MSP) met JOGMEC.")).containsExactly("msp", "iea", "jogmec");
    assertThat(organizations("the idea of a msp")).isEmpty();
    assertThat(organizations("the Export-Import Bank of the United States")).containsExactly("exim");
    assertThat(Texts.named("the Export-Import Bank of the United States")).containsExactly("US");
  }
}
