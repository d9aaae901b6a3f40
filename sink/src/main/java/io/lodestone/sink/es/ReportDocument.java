package io.lodestone.sink.es;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.core.time.IndexDate;
import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.Dedup;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.MoneyAmount;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.OrganizationMention;
import io.lodestone.schemas.Quantity;
import io.lodestone.schemas.ThemeScore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Elasticsearch document of an enriched report (fields as in the index template), written straight
 * to JSON bytes with a streaming generator (no intermediate maps: this runs for every report), and the
 * monthly index it belongs to. Nested entity lists are kept whole; flat keyword copies (theme_ids,
 * mineral_ids, country_codes, ...) and country centroids (country_locations) make Kibana aggregations
 * and maps simple.
 */
public final class ReportDocument {
  /** Fields of {@code dedup} owned by duplicate notices once the report is indexed (see {@link DuplicateDocument}). */
  static final String DEDUP = "dedup";
  static final String DUPLICATE_COUNT = "duplicate_count";
  static final String SOURCES_SEEN = "sources_seen";

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  private static final ObjectMapper JSON = new ObjectMapper(JSON_FACTORY);

  private ReportDocument() {}

  /** {@code <prefix>-YYYY.MM} of the report's index date. */
  public static String indexName(String prefix, Instant publishedAt, Instant fetchedAt) {
    return monthlyIndex(prefix, IndexDate.of(publishedAt, fetchedAt));
  }

  public static String indexName(String prefix, EnrichedReport enriched) {
    return indexName(prefix, enriched.getReport().getPublishedAt(), enriched.getReport().getFetchedAt());
  }

  /** {@code <prefix>-YYYY.MM} of an index date that is already resolved. */
  public static String monthlyIndex(String prefix, Instant indexDate) {
    return prefix + "-" + MONTH.format(indexDate);
  }

  /** The document as UTF-8 JSON. */
  public static byte[] json(EnrichedReport enriched, Instant indexedAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimatedSize(enriched));
    try (JsonGenerator json = JSON_FACTORY.createGenerator(out)) {
      write(json, enriched, indexedAt);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the document of report " + enriched.getReport().getId(), e);
    }
    return out.toByteArray();
  }

  /**
   * The partial document that merges a report into a document that already exists (a replay, or a
   * canonical report whose duplicate notice arrived first): every field but the duplicate counters,
   * which only notices move forward.
   */
  public static ObjectNode mergeDocument(byte[] json) {
    try {
      ObjectNode doc = (ObjectNode) JSON.readTree(json);
      ObjectNode dedup = (ObjectNode) doc.get(DEDUP);
      if (dedup != null) {
        dedup.remove(List.of(DUPLICATE_COUNT, SOURCES_SEEN));
      }
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back a report document", e);
    }
  }

  private static int estimatedSize(EnrichedReport enriched) {
    return 1024 + 2 * (enriched.getText().getTitle().length() + enriched.getText().getBody().length());
  }

  private static void write(JsonGenerator json, EnrichedReport enriched, Instant indexedAt) throws IOException {
    NewsReport report = enriched.getReport();
    json.writeStartObject();
    json.writeStringField("id", report.getId());
    json.writeStringField("url", report.getUrl());
    json.writeStringField("canonical_url", report.getCanonicalUrl());
    json.writeObjectFieldStart("source");
    json.writeStringField("name", report.getSource().getName());
    json.writeStringField("domain", report.getSource().getDomain());
    json.writeStringField("feed_url", report.getSource().getFeedUrl());
    json.writeEndObject();
    json.writeStringField("title", enriched.getText().getTitle());
    json.writeStringField("body", enriched.getText().getBody());
    json.writeStringField("summary", report.getSummary());
    writeStrings(json, "authors", report.getAuthors());
    json.writeStringField("language", enriched.getLanguage());
    writeMillis(json, "published_at", report.getPublishedAt());
    writeMillis(json, "fetched_at", report.getFetchedAt());
    json.writeStringField("channel", report.getChannel().name());
    json.writeStringField("content_type", report.getContentType());
    writeStrings(json, "tags", report.getTags());
    writeThemes(json, enriched.getThemes());
    json.writeNumberField("relevance", enriched.getRelevance());
    writeEntities(json, enriched.getEntities());
    writeDedup(json, enriched.getDedup());
    json.writeStringField("taxonomy_version", enriched.getTaxonomyVersion());
    writeMillis(json, "received_at", enriched.getProcessing().getReceivedAt());
    writeMillis(json, "processed_at", enriched.getProcessing().getProcessedAt());
    writeMillis(json, "indexed_at", indexedAt);
    json.writeEndObject();
  }

  private static void writeThemes(JsonGenerator json, List<ThemeScore> themes) throws IOException {
    json.writeArrayFieldStart("themes");
    for (ThemeScore theme : themes) {
      json.writeStartObject();
      json.writeStringField("id", theme.getId());
      json.writeNumberField("score", theme.getScore());
      writeStrings(json, "evidence", theme.getEvidence());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("theme_ids");
    for (ThemeScore theme : themes) {
      json.writeString(theme.getId());
    }
    json.writeEndArray();
  }

  private static void writeEntities(JsonGenerator json, Entities entities) throws IOException {
    json.writeArrayFieldStart("countries");
    for (CountryMention country : entities.getCountries()) {
      json.writeStartObject();
      json.writeStringField("code", country.getCode());
      json.writeStringField("name", country.getName());
      json.writeNumberField("mentions", country.getMentions());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("country_codes");
    for (CountryMention country : entities.getCountries()) {
      json.writeString(country.getCode());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("country_locations");
    for (CountryMention country : entities.getCountries()) {
      CountryCentroids.Point point = CountryCentroids.of(country.getCode());
      if (point != null) {
        json.writeStartObject();
        json.writeNumberField("lat", point.lat());
        json.writeNumberField("lon", point.lon());
        json.writeEndObject();
      }
    }
    json.writeEndArray();

    json.writeArrayFieldStart("minerals");
    Set<String> groups = new LinkedHashSet<>();
    for (MineralMention mineral : entities.getMinerals()) {
      json.writeStartObject();
      json.writeStringField("id", mineral.getId());
      json.writeStringField("name", mineral.getName());
      json.writeStringField("group", mineral.getGroup());
      json.writeBooleanField("critical", mineral.getCritical());
      json.writeNumberField("mentions", mineral.getMentions());
      json.writeEndObject();
      groups.add(mineral.getGroup());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("mineral_ids");
    for (MineralMention mineral : entities.getMinerals()) {
      json.writeString(mineral.getId());
    }
    json.writeEndArray();
    writeStrings(json, "mineral_groups", List.copyOf(groups));

    json.writeArrayFieldStart("organizations");
    for (OrganizationMention organization : entities.getOrganizations()) {
      json.writeStartObject();
      json.writeStringField("id", organization.getId());
      json.writeStringField("name", organization.getName());
      json.writeStringField("kind", organization.getKind());
      json.writeNumberField("mentions", organization.getMentions());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("organization_ids");
    for (OrganizationMention organization : entities.getOrganizations()) {
      json.writeString(organization.getId());
    }
    json.writeEndArray();

    json.writeArrayFieldStart("money");
    for (MoneyAmount money : entities.getMoney()) {
      json.writeStartObject();
      json.writeStringField("text", money.getText());
      json.writeStringField("currency", money.getCurrency());
      json.writeNumberField("value", money.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("quantities");
    for (Quantity quantity : entities.getQuantities()) {
      json.writeStartObject();
      json.writeStringField("text", quantity.getText());
      json.writeStringField("unit", quantity.getUnit());
      json.writeNumberField("value", quantity.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeDedup(JsonGenerator json, Dedup dedup) throws IOException {
    json.writeObjectFieldStart(DEDUP);
    json.writeStringField("fingerprint", dedup.getFingerprint());
    json.writeStringField("duplicate_of", dedup.getDuplicateOf());
    if (dedup.getSimilarity() == null) {
      json.writeNullField("similarity");
    } else {
      json.writeNumberField("similarity", dedup.getSimilarity());
    }
    json.writeStringField("story_id", dedup.getStoryId());
    json.writeNumberField(DUPLICATE_COUNT, dedup.getDuplicateCount());
    writeStrings(json, SOURCES_SEEN, dedup.getSourcesSeen());
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void writeMillis(JsonGenerator json, String field, Instant instant) throws IOException {
    if (instant == null) {
      json.writeNullField(field);
    } else {
      json.writeNumberField(field, instant.toEpochMilli());
    }
  }
}
