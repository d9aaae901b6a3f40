package io.lodestone.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** Builds Elasticsearch clients. (The minimal distribution has no {@code GET /}, so never call info().) */
public final class ElasticsearchClients {
  private ElasticsearchClients() {}

  public static ElasticsearchClient create(List<String> urls) {
    HttpHost[] hosts = urls.stream().map(HttpHost::create).toArray(HttpHost[]::new);
    RestClient rest = RestClient.builder(hosts).build();
    return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
  }
}
