package io.lodestone.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds Elasticsearch clients. (The minimal distribution has no {@code GET /}, so never call info().) */
public final class ElasticsearchClients {
  /** Connections per node: enough for the most bulk requests in flight plus template and lookup calls. */
  private static final int MAX_CONNECTIONS_PER_NODE = 20;

  private ElasticsearchClients() {}

  /** A client for plain-HTTP nodes without credentials (the local stack). */
  public static ElasticsearchClient create(List<String> urls) {
    return create(ElasticsearchConnection.plain(urls));
  }

  public static ElasticsearchClient create(ElasticsearchConnection connection) {
    HttpHost[] hosts = connection.urls().stream().map(String::strip).map(HttpHost::create).toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts)
        .setCompressionEnabled(connection.compression())
        .setRequestConfigCallback(request -> request
            .setConnectTimeout(connection.connectTimeoutMs())
            .setSocketTimeout(connection.socketTimeoutMs()));
    if (connection.hasApiKey()) {
      builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + connection.apiKey().value())});
    }
    builder.setHttpClientConfigCallback(http -> {
      http.setMaxConnPerRoute(MAX_CONNECTIONS_PER_NODE).setMaxConnTotal(MAX_CONNECTIONS_PER_NODE * hosts.length);
      if (connection.hasBasicAuth() && !connection.hasApiKey()) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(connection.username(),
            connection.password() == null ? "" : connection.password().value()));
        http.setDefaultCredentialsProvider(credentials);
      }
      if (connection.caFile() != null) {
        try {
          http.setSSLContext(TransportUtils.sslContextFromHttpCaCrt(connection.caFile().toFile()));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the CA certificate " + connection.caFile() + ": " + e.getMessage(), e);
        }
      }
      return http;
    });
    return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper()));
  }
}
