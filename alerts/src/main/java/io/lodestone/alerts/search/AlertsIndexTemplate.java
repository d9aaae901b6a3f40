package io.lodestone.alerts.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

/**
 * The composable index template of the alerts index ({@code elasticsearch/lodestone-alerts-template.json}),
 * installed idempotently at start for the configured index name and replica count.
 */
public final class AlertsIndexTemplate {
  public static final String RESOURCE = "/elasticsearch/lodestone-alerts-template.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertsIndexTemplate() {}

  public static String body(String index, int replicas) {
    try (InputStream in = AlertsIndexTemplate.class.getResourceAsStream(RESOURCE)) {
      ObjectNode template = (ObjectNode) JSON.readTree(in);
      template.putArray("index_patterns").add(index);
      ((ObjectNode) template.get("template").get("settings")).put("number_of_replicas", replicas);
      return JSON.writeValueAsString(template);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the index template " + RESOURCE, e);
    }
  }

  public static void install(ElasticsearchClient client, String index, int replicas) throws IOException {
    String body = body(index, replicas);
    client.indices().putIndexTemplate(PutIndexTemplateRequest.of(t -> t.name(index).withJson(new StringReader(body))));
  }
}
