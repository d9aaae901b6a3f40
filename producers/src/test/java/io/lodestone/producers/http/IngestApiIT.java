package io.lodestone.producers.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.RawTopic;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.stack.Ports;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP ingest API against a real broker and registry: 202, 400, 401, 413 and 503, and what reaches the raw topic. */
@ExtendWith(TestStackExtension.class)
class IngestApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "test-token-0123456789";
  private final HttpClient http = HttpClient.newHttpClient();

  private static IngestConfig config(String bootstrap, String registry, String topic) {
    Map<String, Object> values = new HashMap<>(Map.of(CommonOptions.BOOTSTRAP_SERVERS, bootstrap,
        CommonOptions.SCHEMA_REGISTRY_URL, registry, CommonOptions.TOPIC_RAW, topic, IngestConfig.API_PORT, 0,
        IngestConfig.API_TOKEN, TOKEN, IngestConfig.API_MAX_BODY_BYTES, 4096, IngestConfig.API_MAX_BATCH, 3,
        IngestConfig.API_HEALTH_INTERVAL_MS, 500L, IngestConfig.API_RETRY_AFTER_SECONDS, 7));
    return new IngestConfig(values);
  }

  private HttpResponse<String> post(int port, String token, String body) throws Exception {
    return post(port, token, HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> post(int port, String token, HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/reports"))
        .header("Content-Type", "application/json").POST(body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsValidReportsOnlyAfterKafkaAcknowledgedAndRejectsTheRest(TestStack stack) throws Exception {
    String topic = RawTopic.unique("raw-api");
    try (ApiApp app = new ApiApp(config(stack.bootstrapServers(), stack.registryUrl(), topic)).start()) {
      int port = app.port();
      assertThat(get(port, "/health").statusCode()).isEqualTo(200);

      HttpResponse<String> one = post(port, TOKEN, "{\"url\":\"https://news.example/one?utm_medium=x\",\"title\":\"One\",\"body\":\"b\"}");
      assertThat(one.statusCode()).isEqualTo(202);
      JsonNode oneAnswer = JSON.readTree(one.body());
      assertThat(oneAnswer.get("accepted").asInt()).isEqualTo(1);

      HttpResponse<String> batch = post(port, TOKEN, "[{\"title\":\"Two\",\"body\":\"b\"},{\"title\":\"Three\",\"body\":\"b\",\"tags\":[\"x\"]}]");
      assertThat(batch.statusCode()).isEqualTo(202);
      assertThat(JSON.readTree(batch.body()).get("ids")).hasSize(2);

      HttpResponse<String> invalid = post(port, TOKEN, "[{\"title\":\"Fine\",\"body\":\"b\"},{\"url\":\"nope\",\"title\":5,\"body\":\"b\",\"published_at\":\"soon\"}]");
      assertThat(invalid.statusCode()).isEqualTo(400);
      JsonNode problems = JSON.readTree(invalid.body()).get("problems");
      assertThat(problems.findValuesAsText("field")).containsExactlyInAnyOrder("url", "title", "published_at");
      assertThat(problems.findValues("index")).allSatisfy(index -> assertThat(index.asInt()).isEqualTo(1));

      assertThat(post(port, TOKEN, "{not json").statusCode()).isEqualTo(400);
      HttpResponse<String> jsonLines = post(port, TOKEN, "{\"title\":\"Four\",\"body\":\"b\"}\n{\"title\":\"Five\",\"body\":\"b\"}\n");
      assertThat(jsonLines.statusCode()).as("two reports as JSON Lines: neither published").isEqualTo(400);
      assertThat(jsonLines.body()).contains("more than one JSON value");
      assertThat(post(port, TOKEN, "[{},{},{},{}]").body()).contains("1 to 3 reports");
      HttpResponse<String> anonymous = post(port, null, "{\"title\":\"x\",\"body\":\"y\"}");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(post(port, "wrong", "{\"title\":\"x\",\"body\":\"y\"}").statusCode()).isEqualTo(401);
      assertThat(post(port, TOKEN, "{\"title\":\"big\",\"body\":\"" + "x".repeat(5000) + "\"}").statusCode()).isEqualTo(413);

      String metrics = get(port, "/metrics").body();
      assertThat(metrics).contains("lodestone_api_requests_total{status=\"202\"} 2.0", "lodestone_api_reports_accepted_total 3.0",
          "lodestone_api_requests_total{status=\"401\"} 2.0", "jvm_memory_used_bytes");

      List<NewsReport> reports = RawTopic.read(stack.bootstrapServers(), stack.registryUrl(), topic);
      assertThat(reports).extracting(NewsReport::getTitle).containsExactlyInAnyOrder("One", "Two", "Three");
      assertThat(reports).allSatisfy(r -> assertThat(r.getChannel()).isEqualTo(IngestChannel.HTTP));
      assertThat(reports.stream().filter(r -> r.getTitle().equals("One")).findFirst().orElseThrow().getId())
          .isEqualTo(oneAnswer.get("ids").get(0).asText());
    }
  }

  @Test
  void answersInJsonForAnUnknownEndpointOrMethodAndForAUtf16Body(TestStack stack) throws Exception {
    try (ApiApp app = new ApiApp(config(stack.bootstrapServers(), stack.registryUrl(), RawTopic.unique("raw-api"))).start()) {
      int port = app.port();

      HttpResponse<String> unknown = get(port, "/v2/reports");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(unknown.body()).get("error").asText())
          .isEqualTo("no such endpoint: GET /v2/reports; the API serves POST /v1/reports, GET /health and GET /metrics");
      HttpResponse<String> wrongMethod = get(port, "/v1/reports");
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(JSON.readTree(wrongMethod.body()).get("error").asText()).startsWith("GET is not allowed on /v1/reports;");

      byte[] utf16 = ("\uFEFF{\"title\":\"x\",\"body\":\"y\"}").getBytes(StandardCharsets.UTF_16LE);
      HttpResponse<String> wide = post(port, TOKEN, HttpRequest.BodyPublishers.ofByteArray(utf16));
      assertThat(wide.statusCode()).isEqualTo(400);
      assertThat(wide.body()).contains("Invalid UTF-8");
    }
  }

  @Test
  void answers503WithRetryAfterWhenKafkaIsUnreachable(TestStack stack) throws Exception {
    String deadKafka = "127.0.0.1:" + Ports.free();
    try (ApiApp app = new ApiApp(config(deadKafka, stack.registryUrl(), RawTopic.unique("raw-api-down"))).start()) {
      HttpResponse<String> answer = post(app.port(), TOKEN, "{\"title\":\"x\",\"body\":\"y\"}");
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).contains("7");
      assertThat(JSON.readTree(answer.body()).get("error").asText()).contains("Kafka (" + deadKafka + ") is unreachable");
      HttpResponse<String> health = get(app.port(), "/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(health.body()).get("kafka").asText()).isEqualTo("DOWN");
    }
  }

  @Test
  void answers503WhenTheRegistryIsUnreachable(TestStack stack) throws Exception {
    String deadRegistry = "http://127.0.0.1:" + Ports.free() + "/apis/ccompat/v7";
    try (ApiApp app = new ApiApp(config(stack.bootstrapServers(), deadRegistry, RawTopic.unique("raw-api-noreg"))).start()) {
      HttpResponse<String> answer = post(app.port(), TOKEN, "{\"title\":\"x\",\"body\":\"y\"}");
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.body()).contains("schema registry");
    }
  }
}
