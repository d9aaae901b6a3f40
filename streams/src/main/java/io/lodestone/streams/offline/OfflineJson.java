package io.lodestone.streams.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.schemas.CountryMention;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.MineralMention;
import io.lodestone.schemas.MoneyAmount;
import io.lodestone.schemas.OrganizationMention;
import io.lodestone.schemas.Quantity;
import io.lodestone.schemas.ThemeScore;

/**
 * One JSON object per processed input: id, url, duplicate_of, similarity, dedup_method, language,
 * relevance, themes (id, score, evidence), countries, minerals, organizations, amounts, quantities. A
 * duplicate carries its own enrichment ({@link OfflineResult#enrichment()}), so that every story's line joins
 * with per-story labels; a re-delivered report (enrichment fields null) carries {@code "dropped"}, a
 * dead-lettered one {@code "error"}.
 */
public final class OfflineJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OfflineJson() {}

  public static String line(OfflineResult result) {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", result.reportId());
    out.put("url", result.url());
    if (result.duplicate() != null) {
      out.put("duplicate_of", result.duplicate().getDuplicateOf());
      out.put("similarity", result.duplicate().getSimilarity());
      out.put("dedup_method", result.duplicate().getMethod().name());
    } else {
      out.putNull("duplicate_of");
      out.putNull("similarity");
    }
    if (result.enrichment() != null) {
      enrichment(out, result.enrichment());
    } else {
      for (String field : new String[] {"language", "relevance", "themes", "countries", "minerals", "organizations",
          "amounts", "quantities"}) {
        out.putNull(field);
      }
    }
    if (result.deadLetter() != null) {
      out.put("error", result.deadLetter().getErrorMessage());
    } else if (result.isDropped()) {
      out.put("dropped", "re-delivered report, already processed");
    }
    return out.toString();
  }

  private static void enrichment(ObjectNode out, Enrichment report) {
    out.put("language", report.language());
    out.put("relevance", report.relevance());
    ArrayNode themes = out.putArray("themes");
    for (ThemeScore theme : report.themes()) {
      ObjectNode node = themes.addObject().put("id", theme.getId()).put("score", theme.getScore());
      theme.getEvidence().forEach(node.putArray("evidence")::add);
    }
    Entities entities = report.entities();
    ArrayNode countries = out.putArray("countries");
    for (CountryMention country : entities.getCountries()) {
      countries.addObject().put("code", country.getCode()).put("name", country.getName()).put("mentions", country.getMentions());
    }
    ArrayNode minerals = out.putArray("minerals");
    for (MineralMention mineral : entities.getMinerals()) {
      minerals.addObject().put("id", mineral.getId()).put("name", mineral.getName()).put("group", mineral.getGroup())
          .put("critical", mineral.getCritical()).put("mentions", mineral.getMentions());
    }
    ArrayNode organizations = out.putArray("organizations");
    for (OrganizationMention organization : entities.getOrganizations()) {
      organizations.addObject().put("id", organization.getId()).put("name", organization.getName())
          .put("kind", organization.getKind()).put("mentions", organization.getMentions());
    }
    ArrayNode amounts = out.putArray("amounts");
    for (MoneyAmount amount : entities.getMoney()) {
      amounts.addObject().put("text", amount.getText()).put("currency", amount.getCurrency()).put("value", amount.getValue());
    }
    ArrayNode quantities = out.putArray("quantities");
    for (Quantity quantity : entities.getQuantities()) {
      quantities.addObject().put("text", quantity.getText()).put("value", quantity.getValue()).put("unit", quantity.getUnit());
    }
  }
}
