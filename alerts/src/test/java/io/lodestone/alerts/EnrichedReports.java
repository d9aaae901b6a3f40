package io.lodestone.alerts;

import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.Dedup;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.Processing;
import io.lodestone.schemas.Source;
import io.lodestone.schemas.ThemeScore;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds enriched reports for tests, as the classifier and entity extraction will: the real ones are
 * being built, so tests state the themes and entities they need. Also finds the tests' data files.
 */
public final class EnrichedReports {
  private final String id;
  private String title = "Report";
  private Instant publishedAt = Instant.parse("2026-01-13T08:00:00Z");
  private double relevance = 0.8;
  private String duplicateOf;
  private final List<ThemeScore> themes = new ArrayList<>();
  private final List<MineralMention> minerals = new ArrayList<>();
  private final List<CountryMention> countries = new ArrayList<>();

  private EnrichedReports(String id) {
    this.id = id;
  }

  /** A file of the test resources, e.g. a rules file. */
  public static Path resource(String name) {
    try {
      return Path.of(EnrichedReports.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static EnrichedReports report(String id) {
    return new EnrichedReports(id);
  }

  public EnrichedReports title(String value) {
    title = value;
    return this;
  }

  public EnrichedReports publishedAt(Instant value) {
    publishedAt = value;
    return this;
  }

  public EnrichedReports relevance(double value) {
    relevance = value;
    return this;
  }

  public EnrichedReports duplicateOf(String canonicalId) {
    duplicateOf = canonicalId;
    return this;
  }

  public EnrichedReports theme(String themeId, double score, String... evidence) {
    themes.add(ThemeScore.newBuilder().setId(themeId).setScore(score).setEvidence(List.of(evidence)).build());
    return this;
  }

  public EnrichedReports mineral(String mineralId, String group, boolean critical) {
    minerals.add(MineralMention.newBuilder().setId(mineralId).setName(mineralId).setGroup(group).setCritical(critical)
        .setMentions(1).build());
    return this;
  }

  public EnrichedReports country(String code) {
    countries.add(CountryMention.newBuilder().setCode(code).setName(code).setMentions(1).build());
    return this;
  }

  public EnrichedReport build() {
    NewsReport news = NewsReport.newBuilder()
        .setId(id).setUrl("https://news.example/" + id).setCanonicalUrl("https://news.example/" + id)
        .setSource(Source.newBuilder().setName("Example News").setDomain("news.example").build())
        .setTitle(title).setBody("Body of " + title).setPublishedAt(publishedAt).setFetchedAt(publishedAt)
        .setChannel(IngestChannel.FILE).build();
    return EnrichedReport.newBuilder()
        .setReport(news)
        .setText(NormalizedText.newBuilder().setTitle(title).setBody("Body of " + title).build())
        .setLanguage("en")
        .setEntities(Entities.newBuilder().setCountries(countries).setMinerals(minerals).build())
        .setThemes(themes)
        .setRelevance(relevance)
        .setDedup(Dedup.newBuilder().setFingerprint("fp-" + id).setDuplicateOf(duplicateOf)
            .setStoryId(duplicateOf == null ? id : duplicateOf).build())
        .setTaxonomyVersion("test")
        .setProcessing(Processing.newBuilder().setReceivedAt(publishedAt).setProcessedAt(publishedAt).build())
        .build();
  }
}
