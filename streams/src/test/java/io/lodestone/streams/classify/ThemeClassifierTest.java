package io.lodestone.streams.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.ThemeScore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeClassifierTest {
  private static final ThemeClassifier CLASSIFIER = new ThemeClassifier();

  static Entities entities(List<MineralMention> minerals) {
    return Entities.newBuilder().setCountries(List.of()).setMinerals(minerals).setOrganizations(List.of())
        .setMoney(List.of()).setQuantities(List.of()).build();
  }

  private static Classification classify(ThemeClassifier classifier, String title, String body) {
    return classifier.classify(NormalizedText.newBuilder().setTitle(title).setBody(body).build(), entities(List.of()));
  }

  private static Map<String, ThemeScore> themes(Classification classification) {
    return classification.themes().stream().collect(Collectors.toMap(ThemeScore::getId, t -> t));
  }

  /** A seed report: first line the headline, the rest the body. */
  private static Classification seed(String prefix) throws IOException {
    Path seeds = Path.of(System.getProperty("lodestone.repo", "."), "..", "shared", "seeds");
    try (Stream<Path> files = Files.list(seeds)) {
      Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      int newline = text.indexOf('\n');
      return classify(CLASSIFIER, text.substring(0, newline), text.substring(newline + 1));
    }
  }

  @Test
  void seed000GetsTheThemesOfTheMinisterialMeeting() throws IOException {
    Classification result = seed("000_");

    assertThat(themes(result)).containsKeys("refining-processing", "financing-investment", "technology-research",
        "recycling-circular", "rare-earths-magnets", "trade-geopolitics");
    assertThat(result.relevance()).isGreaterThan(0.9);
    assertThat(result.taxonomyVersion()).isEqualTo(CLASSIFIER.taxonomyVersion()).isNotBlank();
  }

  @Test
  void seed003GetsTheThemesOfTheMagnetScheme() throws IOException {
    assertThat(themes(seed("003_"))).containsKeys("rare-earths-magnets", "policy-incentives", "manufacturing-demand");
  }

  @Test
  void themesComeBestFirstWithScoresInRangeAndEvidenceFromTheText() throws IOException {
    Classification result = seed("000_");

    assertThat(result.themes()).isSortedAccordingTo((a, b) -> Double.compare(b.getScore(), a.getScore()));
    for (ThemeScore theme : result.themes()) {
      assertThat(theme.getScore()).isBetween(0.0, 1.0);
      assertThat(theme.getEvidence()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    }
    assertThat(themes(result).get("recycling-circular").getEvidence()).contains("electronic waste", "circular economy");
  }

  @Test
  void matchesInflectionsAndWordOrderVariants() {
    String[] variants = {
        "China tightened export controls on gallium and germanium, the commerce ministry said.",
        "China said gallium export controls would take effect on Friday, the commerce ministry said.",
        "China imposed controls on exports of gallium, the commerce ministry said."};
    for (String body : variants) {
      assertThat(themes(classify(CLASSIFIER, "Gallium curbs", body))).as(body).containsKey("trade-geopolitics");
    }
    Classification refining = classify(CLASSIFIER, "Refineries' output",
        "The refinery's crude runs rose as refiners restarted two smelters after maintenance.");
    assertThat(themes(refining).get("refining-processing").getEvidence()).contains("refinery's", "smelters");
  }

  @Test
  void earningsAndMoneyMarketNewsIsIrrelevant() {
    Classification earnings = classify(CLASSIFIER, "ACME MINING CORP 4TH QTR NET",
        "Shr 24 cts vs 13 cts Net 771,000 vs 314,000 Revs 24.1 mln vs 11.3 mln Avg shrs 3,234,000 vs 2,426,000");
    Classification money = classify(CLASSIFIER, "U.K. MONEY MARKET GIVEN 97 MLN STG ASSISTANCE",
        "The Bank of England said it provided the money market with help of 97 mln stg in the morning session.");

    assertThat(earnings.themes()).isEmpty();
    assertThat(money.themes()).isEmpty();
    assertThat(money.relevance()).isLessThan(0.3);
  }

  @Test
  void negatedPhrasesDoNotCount() {
    Classification free = classify(CLASSIFIER, "Wheat crop in good shape",
        "There was no damage to the wheat crop and no shortage of seed, the agriculture ministry said.");

    assertThat(themes(free)).doesNotContainKey("supply-disruption");
  }

  @Test
  void mineralsFromEntityExtractionAddEvidence() {
    NormalizedText text = NormalizedText.newBuilder().setTitle("Output figures").setBody("The company reported its output.").build();
    MineralMention neodymium = MineralMention.newBuilder().setId("neodymium").setName("neodymium").setGroup("rare-earths")
        .setCritical(true).setMentions(2).build();

    double without = CLASSIFIER.classify(text, entities(List.of())).relevance();
    double with = CLASSIFIER.classify(text, entities(List.of(neodymium))).relevance();

    assertThat(with).isGreaterThan(without);
  }

  /** A one-theme taxonomy (version test-7) whose theme has the given terms line. */
  private static String taxonomy(String termsLine) {
    return """
        version: "test-7"
        scoring: {title_weight: 2, lead_tokens: 60, lead_weight: 1.5, body_weight: 1, repeat_decay: 0.5,
                  length_reference: 200, length_exponent: 0.3, min_share: 0.5}
        relevance: {threshold: 0.1, saturation: 3, off_topic_weight: 1, mineral_weight: 0.5}
        themes:
          - id: logistics-shipping
            name: Logistics
            description: Ports.
            threshold: 0.3
            saturation: 2
            %s
        """.formatted(termsLine);
  }

  @Test
  void analystsTaxonomyFileIsUsedWithItsVersion(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("taxonomy.yaml");
    Files.writeString(file, taxonomy("terms: {port congestion: 3}"));

    Classification result = ThemeClassifier.fromFile(file.toString()).classify(
        NormalizedText.newBuilder().setTitle("Ports").setBody("Port congestion worsened in Shanghai.").build(), entities(List.of()));

    assertThat(result.taxonomyVersion()).isEqualTo("test-7");
    assertThat(result.themes()).extracting(ThemeScore::getId).containsExactly("logistics-shipping");
    assertThat(result.themes().get(0).getEvidence()).containsExactly("Port congestion");
  }

  @Test
  void blankTaxonomyOptionMeansTheBundledTaxonomy() {
    assertThat(ThemeClassifier.fromFile(" ").taxonomyVersion()).isEqualTo(CLASSIFIER.taxonomyVersion());
  }

  @Test
  void invalidTaxonomyFilesFailWithOneSentence(@TempDir Path dir) throws IOException {
    String valid = taxonomy("terms: {port: 3, ports: 2}");
    Path duplicate = dir.resolve("duplicate.yaml");
    Files.writeString(duplicate, valid);
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, valid.replace("terms: {port: 3, ports: 2}", "terms: {port: 3}\n    treshold: 0.4"));
    Path threshold = dir.resolve("threshold.yaml");
    Files.writeString(threshold, valid.replace("threshold: 0.3", "threshold: 1.5").replace(", ports: 2", ""));

    assertThatThrownBy(() -> ThemeClassifier.fromFile(duplicate)).hasMessageContaining("'port' and 'ports'")
        .hasMessageContaining("same after stemming");
    assertThatThrownBy(() -> ThemeClassifier.fromFile(typo)).hasMessageContaining("is not valid at themes[0].treshold: ")
        .hasMessageContaining("treshold");
    assertThatThrownBy(() -> ThemeClassifier.fromFile(threshold)).hasMessageContaining("threshold in (0, 1)");
    assertThatThrownBy(() -> ThemeClassifier.fromFile(dir.resolve("missing.yaml"))).hasMessageContaining("Cannot read taxonomy file");
  }

  @Test
  void aTaxonomyThatIsNotYamlIsNamedWithTheLineOfItsProblem(@TempDir Path dir) throws IOException {
    Path tab = dir.resolve("tab.yaml");
    Files.writeString(tab, "version: x\n\tscoring: {}\n");
    Path unclosed = dir.resolve("unclosed.yaml");
    Files.writeString(unclosed, "version: x\nscoring: {repeat_decay: 0.5\n");

    assertThatThrownBy(() -> ThemeClassifier.fromFile(tab)).hasMessage("Taxonomy " + tab
        + " is not valid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) (line 2, column 1)");
    assertThatThrownBy(() -> ThemeClassifier.fromFile(unclosed))
        .hasMessage("Taxonomy " + unclosed + " is not valid YAML: expected ',' or '}', but got <stream end> (line 3, column 1)");
  }
}
