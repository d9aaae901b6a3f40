package io.lodestone.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetIndexTemplateResponse;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composable index template of the report indices ({@code elasticsearch/lodestone-reports-template.json}),
 * installed idempotently at start with this deployment's index pattern, alias, replica count and text
 * analyzer. The template carries a version: a sink never replaces a template of a higher version, so an
 * older sink started during a rolling upgrade cannot downgrade the mapping.
 */
public final class IndexTemplate {
  private static final Logger LOG = LoggerFactory.getLogger(IndexTemplate.class);
  public static final String RESOURCE = "/elasticsearch/lodestone-reports-template.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the template is installed for. */
  public record Settings(String indexPrefix, String alias, int replicas, String textAnalyzer) {}

  private IndexTemplate() {}

  /** The template as shipped, with the defaults (pattern lodestone-reports-*, alias lodestone-reports). */
  public static ObjectNode resource() {
    try (InputStream in = IndexTemplate.class.getResourceAsStream(RESOURCE)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the index template " + RESOURCE, e);
    }
  }

  /** The template's version: bumped whenever the mapping or settings change. */
  public static long version() {
    return resource().get("version").asLong();
  }

  /** The template body with this deployment's settings filled in. */
  public static String body(Settings settings) {
    ObjectNode template = resource();
    template.putArray("index_patterns").add(settings.indexPrefix() + "-*");
    ObjectNode inner = (ObjectNode) template.get("template");
    inner.putObject("aliases").putObject(settings.alias());
    ObjectNode indexSettings = (ObjectNode) inner.get("settings");
    indexSettings.put("number_of_replicas", settings.replicas());
    ((ObjectNode) indexSettings.path("analysis").path("analyzer").path("lodestone_text")).put("type", settings.textAnalyzer());
    try {
      return JSON.writeValueAsString(template);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the index template", e);
    }
  }

  /**
   * Puts the template named after the index prefix unless one of a higher version is installed. Returns
   * whether it was written.
   */
  public static boolean install(ElasticsearchClient client, Settings settings) throws IOException {
    String name = settings.indexPrefix();
    long ours = version();
    if (client.indices().existsIndexTemplate(e -> e.name(name)).value()) {
      GetIndexTemplateResponse existing = client.indices().getIndexTemplate(g -> g.name(name));
      Long installed = existing.indexTemplates().isEmpty() ? null : existing.indexTemplates().get(0).indexTemplate().version();
      if (installed != null && installed > ours) {
        LOG.warn("index template {} has version {}, newer than this sink's {}; leaving it in place", name, installed, ours);
        return false;
      }
    }
    client.indices().putIndexTemplate(PutIndexTemplateRequest.of(t -> t.name(name).withJson(new StringReader(body(settings)))));
    LOG.info("index template {} version {} installed for {}-* (alias {}, analyzer {})", name, ours, name, settings.alias(),
        settings.textAnalyzer());
    return true;
  }
}
