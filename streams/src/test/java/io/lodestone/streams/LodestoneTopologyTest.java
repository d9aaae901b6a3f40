package io.lodestone.streams;

import static io.lodestone.streams.TestReports.config;
import static io.lodestone.streams.TestReports.copy;
import static io.lodestone.streams.TestReports.report;
import static io.lodestone.streams.TestReports.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.DedupMethod;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.ThemeScore;
import io.lodestone.streams.offline.OfflineJson;
import io.lodestone.streams.offline.OfflineResult;
import io.lodestone.streams.offline.OfflineTopology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LodestoneTopologyTest {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
  private final OfflineTopology topology = new OfflineTopology(config(Map.of()));

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void firstSeenReportIsCanonicalAndEnriched() {
    NewsReport original = report("a1", "wire", "Cobalt quotas", text(1, 300), T0);

    OfflineResult result = topology.process(original);

    assertThat(result.enriched()).isNotNull();
    assertThat(result.duplicate()).isNull();
    assertThat(result.enriched().getReport().getId()).isEqualTo("a1");
    assertThat(result.enriched().getDedup().getStoryId()).isEqualTo("a1");
    assertThat(result.enriched().getDedup().getDuplicateOf()).isNull();
    assertThat(result.enriched().getDedup().getDuplicateCount()).isZero();
    assertThat(result.enriched().getDedup().getSourcesSeen()).containsExactly("wire");
    assertThat(result.enriched().getDedup().getFingerprint()).hasSize(16);
  }

  @Test
  void exactCopyUnderAnotherUrlIsAFingerprintDuplicateThatUpdatesTheCanonical() {
    NewsReport original = report("a1", "wire", "Cobalt quotas", text(1, 300), Instant.parse("2026-01-31T23:00:00Z"));
    topology.process(original);

    NewsReport syndicated = report("b2", "herald", "Another headline", "KINSHASA, Feb 1 - " + text(1, 300).toUpperCase(),
        T0.plus(Duration.ofDays(30)));
    OfflineResult result = topology.process(syndicated);

    assertThat(result.enriched()).isNull();
    DuplicateNotice notice = result.duplicate();
    assertThat(notice.getReportId()).isEqualTo("b2");
    assertThat(notice.getDuplicateOf()).isEqualTo("a1");
    assertThat(notice.getMethod()).isEqualTo(DedupMethod.FINGERPRINT);
    assertThat(notice.getSimilarity()).isEqualTo(1.0);
    assertThat(notice.getCanonicalDuplicateCount()).isEqualTo(1);
    assertThat(notice.getCanonicalSourcesSeen()).containsExactly("wire", "herald");
    assertThat(notice.getCanonicalPublishedAt()).isEqualTo(original.getPublishedAt());
    assertThat(notice.getSource().getName()).isEqualTo("herald");
  }

  @Test
  void aDuplicateCarriesItsOwnEnrichmentForPerStoryJoins() {
    String body = "The refinery will process cobalt hydroxide from Congo. " + text(2, 300);
    OfflineResult canonical = topology.process(report("a1", "wire", "Cobalt refinery opens", body, T0));
    OfflineResult copy = topology.process(report("b2", "herald", "Cobalt refinery opens", body, T0.plusSeconds(60)));

    assertThat(copy.enriched()).isNull();
    assertThat(copy.duplicate().getDuplicateOf()).isEqualTo("a1");
    assertThat(canonical.enrichment().themes()).extracting(ThemeScore::getId).contains("refining-processing");
    assertThat(copy.enrichment()).isEqualTo(canonical.enrichment());
    assertThat(OfflineJson.line(copy)).contains("\"duplicate_of\":\"a1\"", "\"refining-processing\"", "\"cobalt\"");
  }

  @Test
  void rewriteIsANearDuplicateAndEveryCopyUpdatesTheStory() {
    String body = text(2, 400);
    topology.process(report("a1", "wire", "Nickel plant", body, T0));

    OfflineResult near = topology.process(report("b2", "daily", "Nickel plant opens", body.replaceFirst("refinery", "smelter")
        .replaceFirst("quota", "limit") + " Officials declined to comment.", T0.plusSeconds(60)));
    OfflineResult third = topology.process(report("c3", "weekly", "Plant opens", body + " More to follow.", T0.plusSeconds(120)));
    OfflineResult sameSourceAgain = topology.process(report("d4", "daily", "Plant opens", body, T0.plusSeconds(180)));

    assertThat(near.duplicate().getMethod()).isEqualTo(DedupMethod.MINHASH);
    assertThat(near.duplicate().getSimilarity()).isBetween(0.8, 0.999);
    assertThat(near.duplicate().getDuplicateOf()).isEqualTo("a1");
    assertThat(third.duplicate().getDuplicateOf()).isEqualTo("a1");
    assertThat(third.duplicate().getCanonicalDuplicateCount()).isEqualTo(2);
    assertThat(third.duplicate().getCanonicalSourcesSeen()).containsExactly("wire", "daily", "weekly");
    assertThat(sameSourceAgain.duplicate().getMethod()).isEqualTo(DedupMethod.FINGERPRINT);
    assertThat(sameSourceAgain.duplicate().getCanonicalDuplicateCount()).isEqualTo(3);
    assertThat(sameSourceAgain.duplicate().getCanonicalSourcesSeen()).containsExactly("wire", "daily", "weekly");
  }

  @Test
  void differentStoriesAreBothCanonical() {
    assertThat(topology.process(report("a1", "wire", "One", text(3, 300), T0)).enriched()).isNotNull();
    assertThat(topology.process(report("b2", "wire", "Two", text(4, 300), T0)).enriched()).isNotNull();
  }

  @Test
  void redeliveredReportIsDroppedNotReportedAsItsOwnDuplicate() {
    NewsReport original = report("a1", "wire", "Cobalt quotas", text(1, 300), T0);
    topology.process(original);

    OfflineResult again = topology.process(original, T0.plusSeconds(5));

    assertThat(again.isDropped()).isTrue();
    assertThat(topology.process(copy(original, "b2", "herald", original.getBody(), T0)).duplicate().getCanonicalDuplicateCount())
        .isEqualTo(1);
  }

  @Test
  void canonicalRedeliveredWithChangedContentIsReEmittedWithItsStoryTotals() {
    NewsReport original = report("a1", "wire", "Cobalt quotas", text(1, 300), T0);
    topology.process(original);
    topology.process(copy(original, "b2", "herald", original.getBody(), T0));

    NewsReport corrected = report("a1", "wire", "Cobalt quotas (corrected)", text(1, 300) + " Corrects figure.", T0.plusSeconds(60));
    OfflineResult update = topology.process(corrected);

    assertThat(update.enriched().getReport().getTitle()).isEqualTo("Cobalt quotas (corrected)");
    assertThat(update.enriched().getDedup().getStoryId()).isEqualTo("a1");
    assertThat(update.enriched().getDedup().getDuplicateCount()).isEqualTo(1);
    assertThat(update.enriched().getDedup().getSourcesSeen()).containsExactly("wire", "herald");
  }

  @Test
  void reportsAreForgottenAfterTheRetentionWindow() {
    OfflineTopology shortMemory = new OfflineTopology(config(Map.of(StreamsAppConfig.DEDUP_RETENTION_MS, Duration.ofDays(2).toMillis())));
    try (shortMemory) {
      NewsReport original = report("a1", "wire", "Cobalt quotas", text(1, 300), T0);
      shortMemory.process(original);

      OfflineResult withinRetention = shortMemory.process(copy(original, "b2", "herald", original.getBody(), T0.plus(Duration.ofDays(1))));
      shortMemory.process(report("x9", "wire", "Unrelated", text(9, 300), T0.plus(Duration.ofDays(4))));
      OfflineResult afterRetention = shortMemory.process(copy(original, "c3", "daily", original.getBody(), T0.plus(Duration.ofDays(4))));

      assertThat(withinRetention.duplicate()).isNotNull();
      assertThat(afterRetention.enriched()).as("the story was last seen 3 days before, beyond the 2-day retention").isNotNull();
      assertThat(afterRetention.enriched().getDedup().getStoryId()).isEqualTo("c3");
    }
  }

  @Test
  void storyLivesAsLongAsItsLatestCopy() {
    OfflineTopology shortMemory = new OfflineTopology(config(Map.of(StreamsAppConfig.DEDUP_RETENTION_MS, Duration.ofDays(2).toMillis())));
    try (shortMemory) {
      NewsReport original = report("a1", "wire", "Cobalt quotas", text(1, 300), T0);
      shortMemory.process(original);
      shortMemory.process(copy(original, "b2", "herald", original.getBody(), T0.plus(Duration.ofDays(1))));

      OfflineResult late = shortMemory.process(copy(original, "c3", "daily", original.getBody(), T0.plus(Duration.ofDays(2)).plusSeconds(3600)));

      assertThat(late.duplicate().getDuplicateOf()).isEqualTo("a1");
      assertThat(late.duplicate().getCanonicalDuplicateCount()).isEqualTo(2);
    }
  }

  @Test
  void aFullIndexForgetsItsOldestReportsBeforeTheirRetentionEnds() {
    OfflineTopology smallIndex = new OfflineTopology(config(Map.of(StreamsAppConfig.DEDUP_MAX_REPORTS, 2)));
    try (smallIndex) {
      NewsReport first = report("a1", "wire", "One", text(1, 300), T0);
      smallIndex.process(first);
      smallIndex.process(report("b2", "wire", "Two", text(3, 300), T0.plusSeconds(60)));
      NewsReport third = report("c3", "wire", "Three", text(4, 300), T0.plusSeconds(120));
      smallIndex.process(third);

      OfflineResult copyOfForgotten = smallIndex.process(copy(first, "d4", "herald", first.getBody(), T0.plusSeconds(180)));
      OfflineResult copyOfRemembered = smallIndex.process(copy(third, "e5", "herald", third.getBody(), T0.plusSeconds(240)));

      assertThat(copyOfForgotten.enriched()).as("a1 left the 2-report index when c3 came").isNotNull();
      assertThat(copyOfForgotten.enriched().getDedup().getStoryId()).isEqualTo("d4");
      assertThat(copyOfRemembered.duplicate().getDuplicateOf()).isEqualTo("c3");
    }
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicAndProcessingGoesOn() {
    byte[] key = "p1".getBytes(StandardCharsets.UTF_8);
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

    OfflineResult poison = topology.processBytes(key, garbage, T0);
    OfflineResult next = topology.process(report("a1", "wire", "Cobalt quotas", text(1, 300), T0));

    assertThat(poison.deadLetter()).isNotNull();
    assertThat(poison.deadLetter().getStage()).isEqualTo("streams");
    assertThat(poison.deadLetter().getTopic()).isEqualTo(CommonOptions.DEFAULT_TOPIC_RAW);
    assertThat(poison.deadLetter().getOffset()).isZero();
    assertThat(poison.deadLetter().getReportId()).isEqualTo("p1");
    assertThat(poison.deadLetter().getValue().array()).isEqualTo(garbage);
    assertThat(poison.deadLetter().getKey().array()).isEqualTo(key);
    assertThat(poison.deadLetter().getErrorMessage()).contains("not a NewsReport");
    assertThat(next.enriched()).isNotNull();
  }

  @Test
  void describesEveryStageByName() {
    TopologyDescription description = LodestoneTopology.buildTopology(config(Map.of()), TopologySerdes.embedded()).describe();

    String text = description.toString();
    assertThat(description.subtopologies()).hasSize(2);
    for (String node : new String[] {LodestoneTopology.SOURCE, LodestoneTopology.NORMALIZE, LodestoneTopology.DEDUPLICATE,
        LodestoneTopology.ENRICH, LodestoneTopology.CLASSIFY, LodestoneTopology.ENRICHED_SINK, LodestoneTopology.DUPLICATES_SINK}) {
      assertThat(text).contains(node);
    }
    assertThat(text).contains("dedup-reports", "dedup-stories", "dedup-repartition");
  }
}
