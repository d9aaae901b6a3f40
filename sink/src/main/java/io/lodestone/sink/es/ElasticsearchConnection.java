package io.lodestone.sink.es;

import io.lodestone.sink.SinkConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.types.Password;

/**
 * Where and how to reach Elasticsearch: node URLs, credentials (basic or API key, from the configuration,
 * the environment or a file), CA certificate and compression. {@link #toString()} hides the secrets.
 */
public record ElasticsearchConnection(List<String> urls, String username, Password password, Password apiKey,
    Path caFile, boolean compression, int connectTimeoutMs, int socketTimeoutMs) {

  /** Plain HTTP without credentials, as the local stack runs it. */
  public static ElasticsearchConnection plain(List<String> urls) {
    return new ElasticsearchConnection(urls, "", null, null, null, false, 5_000, 60_000);
  }

  public static ElasticsearchConnection from(SinkConfig config) {
    String caFile = config.getString(SinkConfig.ELASTICSEARCH_CA_FILE);
    return new ElasticsearchConnection(config.getList(SinkConfig.ELASTICSEARCH_URLS),
        config.getString(SinkConfig.ELASTICSEARCH_USERNAME),
        secret(config, SinkConfig.ELASTICSEARCH_PASSWORD, SinkConfig.ELASTICSEARCH_PASSWORD_FILE),
        secret(config, SinkConfig.ELASTICSEARCH_API_KEY, SinkConfig.ELASTICSEARCH_API_KEY_FILE),
        caFile.isEmpty() ? null : Path.of(caFile),
        config.getBoolean(SinkConfig.ELASTICSEARCH_COMPRESSION),
        config.getInt(SinkConfig.ELASTICSEARCH_CONNECT_TIMEOUT_MS),
        config.getInt(SinkConfig.ELASTICSEARCH_SOCKET_TIMEOUT_MS));
  }

  /** The secret from its file when one is named, else the configured value (may be null). */
  private static Password secret(SinkConfig config, String valueKey, String fileKey) {
    String file = config.getString(fileKey);
    if (file.isEmpty()) {
      return config.getPassword(valueKey);
    }
    try {
      return new Password(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + fileKey + " " + file + ": " + e.getMessage(), e);
    }
  }

  public boolean hasBasicAuth() {
    return !username.isEmpty();
  }

  public boolean hasApiKey() {
    return apiKey != null && !apiKey.value().isEmpty();
  }

  @Override
  public String toString() {
    String auth = hasApiKey() ? "API key" : hasBasicAuth() ? "user " + username : "no authentication";
    return urls + " (" + auth + (caFile == null ? "" : ", CA " + caFile) + (compression ? ", gzip" : "") + ")";
  }
}
