package io.lodestone.sink;

import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.Dedup;
import io.lodestone.schemas.DedupMethod;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.MoneyAmount;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.OrganizationMention;
import io.lodestone.schemas.Processing;
import io.lodestone.schemas.Quantity;
import io.lodestone.schemas.Source;
import io.lodestone.schemas.ThemeScore;
import java.time.Instant;
import java.util.List;

/** Enriched reports and duplicate notices as the streams stage emits them, for tests and the benchmark. */
public final class TestReports {
  private TestReports() {}

  /** A report with every kind of entity, published at the given time. */
  public static EnrichedReport report(String id, String title, String body, Instant publishedAt) {
    return report(id, title, body, publishedAt, "Mining Weekly", List.of("CN", "AU"), 1.2e9);
  }

  public static EnrichedReport report(String id, String title, String body, Instant publishedAt, String source,
      List<String> countries, double amount) {
    NewsReport raw = NewsReport.newBuilder()
        .setId(id).setUrl("https://news.example/" + id + "?utm_source=x").setCanonicalUrl("https://news.example/" + id)
        .setSource(Source.newBuilder().setName(source).setDomain("news.example").setFeedUrl(null).build())
        .setTitle(title).setBody(body).setSummary("Summary of " + title).setAuthors(List.of("A. Writer"))
        .setLanguage("en").setPublishedAt(publishedAt).setFetchedAt(publishedAt.plusSeconds(60))
        .setChannel(IngestChannel.FILE).setContentType("text/plain").setTags(List.of("minerals"))
        .build();
    Entities entities = Entities.newBuilder()
        .setCountries(countries.stream().map(code -> CountryMention.newBuilder().setCode(code).setName(code).setMentions(2).build()).toList())
        .setMinerals(List.of(MineralMention.newBuilder().setId("lithium").setName("lithium").setGroup("battery-metals")
            .setCritical(true).setMentions(3).build()))
        .setOrganizations(List.of(OrganizationMention.newBuilder().setId("iea").setName("International Energy Agency")
            .setKind("agency").setMentions(1).build()))
        .setMoney(List.of(MoneyAmount.newBuilder().setText("US$1.2 billion").setCurrency("USD").setValue(amount).build()))
        .setQuantities(List.of(Quantity.newBuilder().setText("6,000 tonnes a year").setUnit("t/yr").setValue(6000).build()))
        .build();
    return EnrichedReport.newBuilder()
        .setReport(raw)
        .setText(NormalizedText.newBuilder().setTitle(title).setBody(body).build())
        .setLanguage("en")
        .setEntities(entities)
        .setThemes(List.of(ThemeScore.newBuilder().setId("supply-disruption").setScore(0.8).setEvidence(List.of("export ban")).build()))
        .setRelevance(0.9)
        .setDedup(Dedup.newBuilder().setFingerprint("fp-" + id).setStoryId(id).build())
        .setTaxonomyVersion("test-1")
        .setProcessing(Processing.newBuilder().setReceivedAt(publishedAt.plusSeconds(61)).setProcessedAt(publishedAt.plusSeconds(62)).build())
        .build();
  }

  /** Numbered reports with distinct ids, spread over three months. */
  public static EnrichedReport numbered(String prefix, int n) {
    Instant published = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * 2_000L);
    return report(prefix + "-" + n, "Report " + n + " on lithium supply",
        "Body of report " + n + ". Lithium exports from Australia to China rose as new refineries opened.", published);
  }

  /** The dedup stage's notice that {@code duplicateId} is the {@code count}-th copy of {@code canonical}. */
  public static DuplicateNotice notice(EnrichedReport canonical, String duplicateId, int count, List<String> sourcesSeen) {
    return DuplicateNotice.newBuilder()
        .setReportId(duplicateId).setDuplicateOf(canonical.getReport().getId()).setSimilarity(1.0).setMethod(DedupMethod.FINGERPRINT)
        .setTitle(canonical.getReport().getTitle())
        .setSource(Source.newBuilder().setName(sourcesSeen.get(sourcesSeen.size() - 1)).build())
        .setPublishedAt(canonical.getReport().getPublishedAt())
        .setCanonicalPublishedAt(canonical.getReport().getPublishedAt())
        .setCanonicalDuplicateCount(count).setCanonicalSourcesSeen(sourcesSeen)
        .setDetectedAt(Instant.now())
        .build();
  }
}
