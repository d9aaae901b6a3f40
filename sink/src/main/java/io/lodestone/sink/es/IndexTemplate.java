package io.lodestone.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

/**
 * The composable index template of the report indices ({@code elasticsearch/lodestone-reports-template.json}),
 * installed idempotently at start with the configured index pattern, alias and replica count.
 */
public final class IndexTemplate {
  public static final String RESOURCE = "/elasticsearch/lodestone-reports-template.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexTemplate() {}

  /** The template body with this deployment's prefix, alias and replicas filled in. */
  public static String body(String indexPrefix, String alias, int replicas) {
    try (InputStream in = IndexTemplate.class.getResourceAsStream(RESOURCE)) {
      ObjectNode template = (ObjectNode) JSON.readTree(in);
      template.putArray("index_patterns").add(indexPrefix + "-*");
      ObjectNode inner = (ObjectNode) template.get("template");
      inner.putObject("aliases").putObject(alias);
      ((ObjectNode) inner.get("settings")).put("number_of_replicas", replicas);
      return JSON.writeValueAsString(template);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the index template " + RESOURCE, e);
    }
  }

  public static void install(ElasticsearchClient client, String indexPrefix, String alias, int replicas) throws IOException {
    String body = body(indexPrefix, alias, replicas);
    client.indices().putIndexTemplate(PutIndexTemplateRequest.of(t -> t.name(indexPrefix).withJson(new StringReader(body))));
  }
}
