package io.lodestone.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.NormalizedText;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The two seed reports in ../shared/seeds: the kind of report Lodestone exists for. */
class SeedReportsTest {
  private static final Path SEEDS = Path.of(System.getProperty("lodestone.repo", "."), "..", "shared", "seeds");

  @Test
  void indiaMagnetSchemeReport() throws IOException {
    Entities entities = extract("003_");

    assertThat(entities.getCountries()).extracting(c -> c.getCode()).containsExactly("IN", "US");
    assertThat(entities.getMinerals()).extracting(MineralMention::getId, MineralMention::getGroup, MineralMention::getCritical)
        .contains(tuple("rare-earths", "rare-earths", true));
    assertThat(entities.getMoney()).singleElement().satisfies(m -> {
      assertThat(m.getText()).isEqualTo("Rs 7,280 crore");
      assertThat(m.getCurrency()).isEqualTo("INR");
      assertThat(m.getValue()).isEqualTo(72_800_000_000.0);
    });
    assertThat(entities.getQuantities()).singleElement().satisfies(q -> {
      assertThat(q.getText()).isEqualTo("6,000 metric tonnes per annum");
      assertThat(q.getValue()).isEqualTo(6000.0);
      assertThat(q.getUnit()).isEqualTo("t/yr");
    });
    assertThat(entities.getOrganizations()).extracting(o -> o.getId()).contains("msp", "ipef", "us-treasury");
  }

  @Test
  void ministerialMeetingReport() throws IOException {
    Entities entities = extract("000_");

    assertThat(entities.getCountries()).extracting(c -> c.getCode()).containsExactly("IN", "US");
    assertThat(entities.getCountries().get(0).getName()).isEqualTo("India");
    assertThat(entities.getMinerals()).extracting(MineralMention::getId).containsExactly("rare-earths");
  }

  /** A seed file holds the title on its first line and the body after it. */
  private static Entities extract(String prefix) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(SEEDS, prefix + "*.txt")) {
      String text = Files.readString(files.iterator().next());
      int lineEnd = text.indexOf('\n');
      return new EntityExtractor().extract(NormalizedText.newBuilder().setTitle(text.substring(0, lineEnd).strip())
          .setBody(text.substring(lineEnd + 1).strip().replaceAll("\\s+", " ")).build());
    }
  }
}
