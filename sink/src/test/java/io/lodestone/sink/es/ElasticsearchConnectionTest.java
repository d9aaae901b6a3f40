package io.lodestone.sink.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.sink.SinkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchConnectionTest {
  @Test
  void readsThePasswordFromItsFileAndNeverShowsIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("password"), "s3cret-from-file\n");
    ElasticsearchConnection connection = ElasticsearchConnection.from(new SinkConfig(Map.of(
        SinkConfig.ELASTICSEARCH_URLS, "https://es1:9200,https://es2:9200",
        SinkConfig.ELASTICSEARCH_USERNAME, "lodestone",
        SinkConfig.ELASTICSEARCH_PASSWORD, "s3cret-inline",
        SinkConfig.ELASTICSEARCH_PASSWORD_FILE, file.toString(),
        SinkConfig.ELASTICSEARCH_COMPRESSION, "true")));
    assertThat(connection.password().value()).isEqualTo("s3cret-from-file");
    assertThat(connection.urls()).containsExactly("https://es1:9200", "https://es2:9200");
    assertThat(connection.hasBasicAuth()).isTrue();
    assertThat(connection.toString()).contains("user lodestone", "gzip").doesNotContain("s3cret");
  }

  @Test
  void anApiKeyWinsOverBasicAuthenticationAndStaysHidden() {
    ElasticsearchConnection connection = ElasticsearchConnection.from(new SinkConfig(Map.of(
        SinkConfig.ELASTICSEARCH_USERNAME, "lodestone", SinkConfig.ELASTICSEARCH_API_KEY, "a2V5OnNlY3JldA==")));
    assertThat(connection.hasApiKey()).isTrue();
    assertThat(connection.toString()).contains("API key").doesNotContain("a2V5");
    assertThat(new SinkConfig(Map.of(SinkConfig.ELASTICSEARCH_API_KEY, "a2V5OnNlY3JldA==")).toString()).doesNotContain("a2V5");
  }

  @Test
  void aMissingSecretFileIsAOneSentenceError() {
    assertThatThrownBy(() -> ElasticsearchConnection.from(new SinkConfig(Map.of(
        SinkConfig.ELASTICSEARCH_API_KEY_FILE, "/nonexistent/key"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot read elasticsearch.api.key.file /nonexistent/key");
  }

  @Test
  void buildsAClientWithCredentialsAndCompressionWithoutContactingTheNodes() throws Exception {
    var client = ElasticsearchClients.create(new ElasticsearchConnection(java.util.List.of("http://127.0.0.1:1"), "u",
        new org.apache.kafka.common.config.types.Password("p"), null, null, true, 100, 100));
    client._transport().close();
  }
}
