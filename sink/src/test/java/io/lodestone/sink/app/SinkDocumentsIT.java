package io.lodestone.sink.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.sink.SinkHarness;
import io.lodestone.sink.TestReports;
import io.lodestone.sink.es.IndexTemplate;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the sink writes: monthly indices behind the alias, dead letters for what breaks the mapping, notices. */
@ExtendWith(TestStackExtension.class)
class SinkDocumentsIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void aDocumentThatBreaksTheMappingIsDeadLetteredWithTheReasonAndTheOthersAreIndexed(TestStack stack) throws Exception {
    try (SinkHarness harness = new SinkHarness(stack, "it-mapping")) {
      List<String> ids = new ArrayList<>();
      for (int n = 0; n < 20; n++) {
        EnrichedReport report = TestReports.numbered("map", n);
        if (n == 7) {
          // An amount the enrichment could not bound: Elasticsearch's double fields take finite values only.
          report.getEntities().getMoney().get(0).setValue(Double.POSITIVE_INFINITY);
        }
        ids.add(report.getReport().getId());
        harness.publish(harness.enrichedTopic(), report.getReport().getId(), report);
      }
      harness.flush();

      try (SinkHarness.RunningSink sink = harness.start(harness.config())) {
        harness.awaitCount(count -> count == 19, TIMEOUT);
        List<DeadLetter> letters = SinkHarness.await(harness::deadLetters, l -> !l.isEmpty());
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.getReportId()).isEqualTo(ids.get(7));
        assertThat(letter.getStage()).isEqualTo("sink");
        assertThat(letter.getTopic()).isEqualTo(harness.enrichedTopic());
        assertThat(letter.getErrorClass()).isEqualTo("ElasticsearchRejected");
        assertThat(letter.getErrorMessage()).startsWith("400 ").contains("money.value");
        assertThat(letter.getValue()).as("the original record, for a replay once fixed").isNotNull();
        assertThat(harness.document(ids.get(7))).isNull();
        assertThat(harness.document(ids.get(8)).path("title").asText()).isEqualTo("Report 8 on lithium supply");
        assertThat(sink.app().deadLetteredCount()).isEqualTo(1);
      }

      var indices = harness.elasticsearch().indices().getAlias(a -> a.name(harness.alias())).result().keySet();
      assertThat(indices).containsExactlyInAnyOrder(harness.alias() + "-2026.01");
      var template = harness.elasticsearch().indices().getIndexTemplate(t -> t.name(harness.alias())).indexTemplates().get(0);
      assertThat(template.indexTemplate().version()).isEqualTo(IndexTemplate.version());
    }
  }

  @Test
  void duplicateNoticesUpdateTheCanonicalReportWhicheverArrivesFirst(TestStack stack) throws Exception {
    try (SinkHarness harness = new SinkHarness(stack, "it-notices");
         SinkHarness.RunningSink sink = harness.start(harness.config())) {
      Instant published = Instant.parse("2025-11-03T10:00:00Z");
      EnrichedReport first = TestReports.report("canon-a", "Cobalt quota", "DRC sets cobalt export quotas.", published);
      harness.publish(harness.enrichedTopic(), "canon-a", first);
      harness.flush();
      SinkHarness.await(() -> harness.document("canon-a"), doc -> true);
      harness.publish(harness.duplicatesTopic(), "canon-a", TestReports.notice(first, "dup-1", 1, List.of("Mining Weekly", "Wire One")));
      harness.publish(harness.duplicatesTopic(), "canon-a",
          TestReports.notice(first, "dup-2", 2, List.of("Mining Weekly", "Wire One", "Wire Two")));
      harness.flush();
      JsonNode a = SinkHarness.await(() -> harness.document("canon-a"), doc -> doc.at("/dedup/duplicate_count").asInt() == 2);
      assertThat(a.at("/dedup/sources_seen").toString()).isEqualTo("[\"Mining Weekly\",\"Wire One\",\"Wire Two\"]");
      assertThat(a.get("title").asText()).isEqualTo("Cobalt quota");

      // The notice comes first: it creates a stub that the report fills in without resetting the counters.
      EnrichedReport late = TestReports.report("canon-b", "Graphite controls", "New graphite export controls.", published);
      harness.publish(harness.duplicatesTopic(), "canon-b", TestReports.notice(late, "dup-3", 1, List.of("Mining Weekly", "Wire Three")));
      harness.flush();
      SinkHarness.await(() -> harness.document("canon-b"), doc -> doc != null && doc.at("/dedup/duplicate_count").asInt() == 1);
      harness.publish(harness.enrichedTopic(), "canon-b", late);
      harness.flush();
      JsonNode b = SinkHarness.await(() -> harness.document("canon-b"), doc -> doc.has("title"));
      assertThat(b.get("title").asText()).isEqualTo("Graphite controls");
      assertThat(b.at("/dedup/duplicate_count").asInt()).isEqualTo(1);
      assertThat(b.at("/dedup/sources_seen").toString()).isEqualTo("[\"Mining Weekly\",\"Wire Three\"]");
      assertThat(b.at("/country_locations").size()).isEqualTo(2);

      // A replay of a report (re-enriched, say) overwrites its fields, not its counters.
      first.getText().setTitle("Cobalt quota (updated)");
      harness.publish(harness.enrichedTopic(), "canon-a", first);
      harness.flush();
      JsonNode replayed = SinkHarness.await(() -> harness.document("canon-a"), doc -> doc.get("title").asText().endsWith("(updated)"));
      assertThat(replayed.at("/dedup/duplicate_count").asInt()).isEqualTo(2);

      assertThat(harness.count()).isEqualTo(2);
      assertThat(harness.idsIndexedMoreThanOnce()).isEmpty();
      assertThat(sink.app().deadLetteredCount()).isZero();
    }
  }
}
