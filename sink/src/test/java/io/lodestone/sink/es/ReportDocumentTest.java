package io.lodestone.sink.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.sink.TestReports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant PUBLISHED = Instant.parse("2026-01-14T08:30:00Z");

  @Test
  void writesEveryFieldOfTheReport() throws Exception {
    EnrichedReport report = TestReports.report("r1", "Lithium export ban", "Body text.", PUBLISHED);
    JsonNode doc = JSON.readTree(ReportDocument.json(report, Instant.ofEpochMilli(42)));

    assertThat(doc.get("id").asText()).isEqualTo("r1");
    assertThat(doc.path("source").path("name").asText()).isEqualTo("Mining Weekly");
    assertThat(doc.path("source").path("feed_url").isNull()).isTrue();
    assertThat(doc.get("published_at").asLong()).isEqualTo(PUBLISHED.toEpochMilli());
    assertThat(doc.get("indexed_at").asLong()).isEqualTo(42);
    assertThat(doc.get("theme_ids").toString()).isEqualTo("[\"supply-disruption\"]");
    assertThat(doc.get("country_codes").toString()).isEqualTo("[\"CN\",\"AU\"]");
    assertThat(doc.get("country_locations").toString()).isEqualTo("[{\"lat\":35.0,\"lon\":105.0},{\"lat\":-27.0,\"lon\":133.0}]");
    assertThat(doc.get("mineral_groups").toString()).isEqualTo("[\"battery-metals\"]");
    assertThat(doc.path("money").get(0).get("value").asDouble()).isEqualTo(1.2e9);
    assertThat(doc.path("dedup").path("duplicate_count").asInt()).isZero();
    assertThat(doc.path("dedup").path("similarity").isNull()).isTrue();
  }

  @Test
  void countriesWithoutACentroidHaveNoLocation() throws Exception {
    EnrichedReport report = TestReports.report("r2", "t", "b", PUBLISHED, "s", List.of("XX", "CL"), 1);
    JsonNode doc = JSON.readTree(ReportDocument.json(report, PUBLISHED));
    assertThat(doc.get("country_codes")).hasSize(2);
    assertThat(doc.get("country_locations")).hasSize(1);
  }

  @Test
  void everyFieldIsInTheTemplateMappingWhichIsStrict() throws Exception {
    ObjectNode template = IndexTemplate.resource();
    assertThat(template.at("/template/mappings/dynamic").asText()).isEqualTo("strict");
    JsonNode doc = JSON.readTree(ReportDocument.json(TestReports.report("r3", "t", "b", PUBLISHED), PUBLISHED));
    List<String> unmapped = new ArrayList<>();
    collectUnmapped(doc, template.at("/template/mappings/properties"), "", unmapped);
    assertThat(unmapped).isEmpty();
  }

  private static void collectUnmapped(JsonNode doc, JsonNode properties, String path, List<String> unmapped) {
    for (Map.Entry<String, JsonNode> field : doc.properties()) {
      JsonNode mapping = properties.get(field.getKey());
      if (mapping == null) {
        unmapped.add(path + field.getKey());
        continue;
      }
      JsonNode value = field.getValue().isArray() && field.getValue().size() > 0 ? field.getValue().get(0) : field.getValue();
      if (value.isObject() && mapping.has("properties")) {
        collectUnmapped(value, mapping.get("properties"), path + field.getKey() + ".", unmapped);
      }
    }
  }

  @Test
  void monthlyIndexFollowsTheIndexDate() {
    assertThat(ReportDocument.indexName("p", PUBLISHED, PUBLISHED.plusSeconds(5))).isEqualTo("p-2026.01");
    assertThat(ReportDocument.indexName("p", Instant.parse("3000-01-01T00:00:00Z"), PUBLISHED)).isEqualTo("p-2026.01");
    assertThat(ReportDocument.indexName("p", null, Instant.parse("2025-12-31T23:59:59Z"))).isEqualTo("p-2025.12");
  }

  @Test
  void mergeDocumentLeavesTheDuplicateCountersToNotices() {
    ObjectNode merge = ReportDocument.mergeDocument(ReportDocument.json(TestReports.report("r4", "t", "b", PUBLISHED), PUBLISHED));
    assertThat(merge.get("title").asText()).isEqualTo("t");
    assertThat(merge.get("dedup").has("fingerprint")).isTrue();
    assertThat(merge.get("dedup").has("duplicate_count")).isFalse();
    assertThat(merge.get("dedup").has("sources_seen")).isFalse();
  }

  @Test
  void duplicateNoticeUpdatesOnlyTheCountersOfTheCanonicalReport() {
    EnrichedReport canonical = TestReports.report("c1", "t", "b", PUBLISHED);
    var notice = TestReports.notice(canonical, "d1", 2, List.of("Mining Weekly", "Metal Bulletin"));
    assertThat(DuplicateDocument.indexName("p", notice)).isEqualTo("p-2026.01");
    assertThat(DuplicateDocument.partialUpdate(notice).toString())
        .isEqualTo("{\"id\":\"c1\",\"dedup\":{\"duplicate_count\":2,\"sources_seen\":[\"Mining Weekly\",\"Metal Bulletin\"]}}");
    notice.setCanonicalPublishedAt(null);
    assertThat(DuplicateDocument.indexName("p", notice)).isNull();
  }
}
