package io.lodestone.sink.es;

import io.lodestone.core.time.IndexDate;
import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.OrganizationMention;
import io.lodestone.schemas.ThemeScore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Elasticsearch document of an enriched report (fields as in the index template), and the monthly
 * index it belongs to. Nested entity lists are kept whole; flat keyword copies (theme_ids, mineral_ids,
 * country_codes, ...) make aggregations in Kibana simple.
 */
public final class ReportDocument {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  private ReportDocument() {}

  /** {@code <prefix>-YYYY.MM} of the report's index date. */
  public static String indexName(String prefix, Instant publishedAt, Instant fetchedAt) {
    return prefix + "-" + MONTH.format(IndexDate.of(publishedAt, fetchedAt));
  }

  public static String indexName(String prefix, EnrichedReport enriched) {
    return indexName(prefix, enriched.getReport().getPublishedAt(), enriched.getReport().getFetchedAt());
  }

  public static Map<String, Object> of(EnrichedReport enriched, Instant indexedAt) {
    NewsReport report = enriched.getReport();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", report.getId());
    doc.put("url", report.getUrl());
    doc.put("canonical_url", report.getCanonicalUrl());
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("name", report.getSource().getName());
    source.put("domain", report.getSource().getDomain());
    source.put("feed_url", report.getSource().getFeedUrl());
    doc.put("source", source);
    doc.put("title", enriched.getText().getTitle());
    doc.put("body", enriched.getText().getBody());
    doc.put("summary", report.getSummary());
    doc.put("authors", report.getAuthors());
    doc.put("language", enriched.getLanguage());
    doc.put("published_at", millis(report.getPublishedAt()));
    doc.put("fetched_at", millis(report.getFetchedAt()));
    doc.put("channel", report.getChannel().name());
    doc.put("content_type", report.getContentType());
    doc.put("tags", report.getTags());
    doc.put("themes", list(enriched.getThemes(), t -> Map.of("id", t.getId(), "score", t.getScore(), "evidence", t.getEvidence())));
    doc.put("theme_ids", enriched.getThemes().stream().map(ThemeScore::getId).toList());
    doc.put("relevance", enriched.getRelevance());
    var entities = enriched.getEntities();
    doc.put("countries", list(entities.getCountries(), c -> Map.of("code", c.getCode(), "name", c.getName(), "mentions", c.getMentions())));
    doc.put("country_codes", entities.getCountries().stream().map(CountryMention::getCode).toList());
    doc.put("minerals", list(entities.getMinerals(), m -> Map.of("id", m.getId(), "name", m.getName(), "group", m.getGroup(),
        "critical", m.getCritical(), "mentions", m.getMentions())));
    doc.put("mineral_ids", entities.getMinerals().stream().map(MineralMention::getId).toList());
    doc.put("mineral_groups", entities.getMinerals().stream().map(MineralMention::getGroup).distinct().toList());
    doc.put("organizations", list(entities.getOrganizations(), o -> {
      Map<String, Object> org = new LinkedHashMap<>();
      org.put("id", o.getId());
      org.put("name", o.getName());
      org.put("kind", o.getKind());
      org.put("mentions", o.getMentions());
      return org;
    }));
    doc.put("organization_ids", entities.getOrganizations().stream().map(OrganizationMention::getId).toList());
    doc.put("money", list(entities.getMoney(), m -> Map.of("text", m.getText(), "currency", m.getCurrency(), "value", m.getValue())));
    doc.put("quantities", list(entities.getQuantities(), q -> Map.of("text", q.getText(), "unit", q.getUnit(), "value", q.getValue())));
    var dedup = enriched.getDedup();
    Map<String, Object> dedupDoc = new LinkedHashMap<>();
    dedupDoc.put("fingerprint", dedup.getFingerprint());
    dedupDoc.put("duplicate_of", dedup.getDuplicateOf());
    dedupDoc.put("similarity", dedup.getSimilarity());
    dedupDoc.put("story_id", dedup.getStoryId());
    dedupDoc.put("duplicate_count", dedup.getDuplicateCount());
    dedupDoc.put("sources_seen", dedup.getSourcesSeen());
    doc.put("dedup", dedupDoc);
    doc.put("taxonomy_version", enriched.getTaxonomyVersion());
    doc.put("received_at", millis(enriched.getProcessing().getReceivedAt()));
    doc.put("processed_at", millis(enriched.getProcessing().getProcessedAt()));
    doc.put("indexed_at", indexedAt.toEpochMilli());
    return doc;
  }

  private static <T> List<Object> list(List<T> items, Function<T, Object> mapper) {
    return items.stream().map(mapper).toList();
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
