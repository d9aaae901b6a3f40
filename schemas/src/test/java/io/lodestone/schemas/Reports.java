package io.lodestone.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Sample records of every schema, for serde tests and the benchmark. */
public final class Reports {
  private static final Instant PUBLISHED = Instant.parse("2026-01-13T08:00:00Z");
  private static final String BODY = "The Union Cabinet approved a scheme to promote manufacturing of sintered rare earth "
      + "permanent magnets, with a financial outlay of Rs 7,280 crore over seven years. The scheme aims to establish "
      + "6,000 metric tonnes per annum of integrated capacity, covering the conversion of rare earth oxides to metals, "
      + "metals to alloys and alloys to finished magnets. Officials said the move would reduce dependence on imports "
      + "from China, which accounts for most of the global processing of neodymium and praseodymium. Demand for "
      + "permanent magnets is expected to double by 2030, driven by electric vehicles, wind turbines, consumer "
      + "electronics and defence applications. The Ministry of Heavy Industries will select five beneficiaries "
      + "through a global competitive bidding process, each eligible for capacity of up to 1,200 tonnes per annum. ";

  private Reports() {}

  public static NewsReport newsReport(String id) {
    return NewsReport.newBuilder()
        .setId(id)
        .setUrl("https://news.example/" + id + "?utm_source=feed")
        .setCanonicalUrl("https://news.example/" + id)
        .setSource(Source.newBuilder().setName("Example News").setDomain("news.example")
            .setFeedUrl("https://news.example/rss").build())
        .setTitle("India approves rare earth permanent magnet scheme")
        .setBody(BODY)
        .setSummary("A Rs 7,280 crore scheme for 6,000 tonnes per annum of magnet capacity.")
        .setAuthors(List.of("A. Writer", "B. Editor"))
        .setLanguage("en")
        .setPublishedAt(PUBLISHED)
        .setFetchedAt(PUBLISHED.plusSeconds(300))
        .setChannel(IngestChannel.FEED)
        .setContentType("application/rss+xml")
        .setTags(List.of("rare-earths", "india", "policy"))
        .build();
  }

  /** About 3 KB once serialized: the size the benchmark and the issue talk about. */
  public static EnrichedReport enrichedReport(String id) {
    NewsReport report = newsReport(id);
    return EnrichedReport.newBuilder()
        .setReport(report)
        .setText(NormalizedText.newBuilder().setTitle(report.getTitle()).setBody(BODY.strip()).build())
        .setLanguage("en")
        .setEntities(Entities.newBuilder()
            .setCountries(List.of(country("IN", "India", 4), country("CN", "China", 1)))
            .setMinerals(List.of(mineral("neodymium", "Neodymium", 2), mineral("praseodymium", "Praseodymium", 1),
                mineral("rare-earths", "Rare earth elements", 3)))
            .setOrganizations(List.of(organization("mhi", "Ministry of Heavy Industries", "ministry"),
                organization("mines", "Ministry of Mines", "ministry"),
                organization("irel", "IREL (India) Limited", "company"),
                organization("cabinet", "Union Cabinet", "agency")))
            .setMoney(List.of(MoneyAmount.newBuilder().setText("Rs 7,280 crore").setCurrency("INR").setValue(7.28e10).build()))
            .setQuantities(List.of(quantity("6,000 metric tonnes per annum", 6000), quantity("1,200 tonnes per annum", 1200)))
            .build())
        .setThemes(List.of(
            ThemeScore.newBuilder().setId("rare-earths-magnets").setScore(0.93)
                .setEvidence(List.of("sintered rare earth permanent magnets", "neodymium and praseodymium")).build(),
            ThemeScore.newBuilder().setId("industrial-policy").setScore(0.71)
                .setEvidence(List.of("financial outlay", "global competitive bidding")).build(),
            ThemeScore.newBuilder().setId("import-dependence").setScore(0.55)
                .setEvidence(List.of("reduce dependence on imports", "accounts for most of the global processing")).build(),
            ThemeScore.newBuilder().setId("ev-demand").setScore(0.42)
                .setEvidence(List.of("driven by electric vehicles, wind turbines", "expected to double by 2030")).build()))
        .setRelevance(0.88)
        .setDedup(Dedup.newBuilder().setFingerprint("5e0f2a9c1b7d4e3f8a6b2c1d0e9f8a7b").setStoryId(id)
            .setSourcesSeen(List.of("news.example", "wire.example")).setDuplicateCount(1).build())
        .setTaxonomyVersion("2026.01")
        .setProcessing(Processing.newBuilder().setReceivedAt(PUBLISHED.plusSeconds(301))
            .setProcessedAt(PUBLISHED.plusSeconds(302)).setPipelineVersion("0.1.0").build())
        .build();
  }

  public static DuplicateNotice duplicateNotice(String id, String canonicalId) {
    return DuplicateNotice.newBuilder()
        .setReportId(id)
        .setDuplicateOf(canonicalId)
        .setSimilarity(0.91)
        .setMethod(DedupMethod.MINHASH)
        .setUrl("https://wire.example/" + id)
        .setTitle("India clears magnet manufacturing scheme")
        .setSource(Source.newBuilder().setName("Wire").setDomain("wire.example").build())
        .setPublishedAt(PUBLISHED.plusSeconds(3600))
        .setCanonicalPublishedAt(PUBLISHED)
        .setCanonicalDuplicateCount(2)
        .setCanonicalSourcesSeen(List.of("news.example", "wire.example"))
        .setDetectedAt(PUBLISHED.plusSeconds(3700))
        .build();
  }

  public static SupplyChainAlert spikeAlert(String id) {
    return SupplyChainAlert.newBuilder()
        .setId(id)
        .setKind(AlertKind.SPIKE)
        .setRule("mentions-spike")
        .setSeverity(Severity.HIGH)
        .setThemes(List.of("rare-earths-magnets"))
        .setMinerals(List.of("neodymium"))
        .setCountries(List.of("IN", "CN"))
        .setReportIds(List.of("r1", "r2", "r3"))
        .setSummary("Mentions of neodymium tripled in the last hour.")
        .setWindow(AlertWindow.newBuilder().setStart(PUBLISHED).setEnd(PUBLISHED.plusSeconds(3600)).setCount(12)
            .setBaseline(4.0).build())
        .setCreatedAt(PUBLISHED.plusSeconds(3601))
        .build();
  }

  public static DeadLetter deadLetter(String reportId) {
    return DeadLetter.newBuilder()
        .setStage("streams")
        .setTopic("lodestone.reports.raw")
        .setPartition(2)
        .setOffset(1234)
        .setReportId(reportId)
        .setKey(ByteBuffer.wrap(reportId.getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 7, 42}))
        .setErrorClass("org.apache.kafka.common.errors.SerializationException")
        .setErrorMessage("Unknown magic byte 0x01 on topic lodestone.reports.raw")
        .setTimestamp(PUBLISHED)
        .build();
  }

  /** One sample of each of the five schemas. */
  public static List<SpecificRecord> oneOfEach() {
    return List.of(newsReport("r1"), enrichedReport("r1"), duplicateNotice("r2", "r1"), spikeAlert("a1"),
        deadLetter("r3"));
  }

  private static CountryMention country(String code, String name, int mentions) {
    return CountryMention.newBuilder().setCode(code).setName(name).setMentions(mentions).build();
  }

  private static MineralMention mineral(String id, String name, int mentions) {
    return MineralMention.newBuilder().setId(id).setName(name).setGroup("rare-earths").setCritical(true)
        .setMentions(mentions).build();
  }

  private static OrganizationMention organization(String id, String name, String kind) {
    return OrganizationMention.newBuilder().setId(id).setName(name).setKind(kind).setMentions(1).build();
  }

  private static Quantity quantity(String text, double tonnesPerYear) {
    return Quantity.newBuilder().setText(text).setValue(tonnesPerYear).setUnit("t/yr").build();
  }
}
