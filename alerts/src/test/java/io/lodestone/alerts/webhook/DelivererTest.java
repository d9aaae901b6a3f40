package io.lodestone.alerts.webhook;

import io.lodestone.core.retry.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.alerts.AlertFilter;
import io.lodestone.alerts.AlertJson;
import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.Severity;
import io.lodestone.schemas.SupplyChainAlert;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deliveries against a real local HTTP server that fails, hangs past the timeout, rejects or succeeds. */
class DelivererTest {
  private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
  private static final SupplyChainAlert ALERT = SupplyChainAlert.newBuilder()
      .setId("a1b2c3").setKind(AlertKind.RULE).setRule("supply-disruption").setSeverity(Severity.HIGH)
      .setThemes(List.of("supply-disruption")).setMinerals(List.of("cobalt")).setCountries(List.of("CD"))
      .setReportIds(List.of("r1")).setSummary("Supply disruption: strike at a cobalt mine").setWindow(null)
      .setCreatedAt(Instant.parse("2026-01-13T09:00:00Z")).build();
  private static final byte[] BODY = AlertJson.bytes(ALERT);

  private final ScriptedWebhookServer server;
  private final Deliverer deliverer = new Deliverer(new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(1_500)),
      new Backoff(10, 40), 4);

  DelivererTest() throws IOException {
    server = new ScriptedWebhookServer();
  }

  @AfterEach
  void close() {
    server.close();
  }

  private Subscription subscription(URI url) {
    return new Subscription("ops", url, SECRET, AlertFilter.ALL);
  }

  @Test
  void retriesAFailureAndATimeoutThenDeliversWithTheSameIdempotencyKeyAndAValidSignature() throws Exception {
    server.then(503, ScriptedWebhookServer.HANG, 200);

    Delivery delivery = deliverer.deliver(subscription(server.url("/hook")), ALERT.getId(), BODY, () -> true);

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.attempts()).isEqualTo(3);
    List<ScriptedWebhookServer.Received> requests = server.received();
    assertThat(requests).hasSize(3);
    for (int i = 0; i < requests.size(); i++) {
      ScriptedWebhookServer.Received request = requests.get(i);
      assertThat(request.header("Idempotency-Key")).isEqualTo("a1b2c3");
      assertThat(request.header("X-Lodestone-Attempt")).isEqualTo(Integer.toString(i + 1));
      assertThat(request.header("X-Lodestone-Subscription")).isEqualTo("ops");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      assertThat(WebhookSignature.verify(SECRET, request.body(), request.header(WebhookSignature.HEADER))).isTrue();
    }
    JsonNode body = new ObjectMapper().readTree(requests.get(2).body());
    assertThat(body.get("id").asText()).isEqualTo("a1b2c3");
    assertThat(body.get("severity").asText()).isEqualTo("HIGH");
    assertThat(body.get("minerals").get(0).asText()).isEqualTo("cobalt");
    assertThat(body.get("created_at").asText()).isEqualTo("2026-01-13T09:00:00Z");
    assertThat(body.get("window").isNull()).isTrue();
  }

  @Test
  void givesUpAfterTheMaximumNumberOfAttempts() throws Exception {
    server.otherwise(500);

    Delivery delivery = deliverer.deliver(subscription(server.url("/hook")), ALERT.getId(), BODY, () -> true);

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(4);
    assertThat(delivery.detail()).isEqualTo("gave up after 4 attempts; last: HTTP 500");
    assertThat(server.received()).hasSize(4);
  }

  @Test
  void aRejectionIsNotRetried() throws Exception {
    server.then(410);

    Delivery delivery = deliverer.deliver(subscription(server.url("/hook")), ALERT.getId(), BODY, () -> true);

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).isEqualTo("rejected: HTTP 410");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void tooManyRequestsAndRequestTimeoutAreRetried() throws Exception {
    server.then(429, 408, 204);

    Delivery delivery = deliverer.deliver(subscription(server.url("/hook")), ALERT.getId(), BODY, () -> true);

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.attempts()).isEqualTo(3);
  }

  @Test
  void anUnreachableSubscriberIsRetriedThenGivenUp() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Delivery delivery = deliverer.deliver(subscription(URI.create("http://127.0.0.1:" + closedPort + "/hook")),
        ALERT.getId(), BODY, () -> true);

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(4);
    assertThat(delivery.detail()).startsWith("gave up after 4 attempts; last: connection failed");
  }

  @Test
  void signaturesDependOnTheBodyAndTheSecret() {
    String signature = WebhookSignature.sign(SECRET, BODY);

    assertThat(signature).startsWith("sha256=").hasSize("sha256=".length() + 64);
    assertThat(WebhookSignature.verify(SECRET, BODY, signature)).isTrue();
    assertThat(WebhookSignature.verify("other".getBytes(StandardCharsets.UTF_8), BODY, signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, BODY, "sha256=zz")).isFalse();
    assertThat(WebhookSignature.verify(SECRET, BODY, null)).isFalse();
  }

  @Test
  void backoffGrowsExponentiallyWithinItsBoundsAndHonoursRetryAfter() {
    Backoff backoff = new Backoff(100, 1_000);

    assertThat(backoff.delayMs(1, 0)).isBetween(50L, 100L);
    assertThat(backoff.delayMs(3, 0)).isBetween(200L, 400L);
    assertThat(backoff.delayMs(40, 0)).isBetween(500L, 1_000L);
    assertThat(backoff.delayMs(1, 700)).isEqualTo(700);
    assertThat(backoff.delayMs(1, 5_000)).as("capped").isEqualTo(1_000);
  }
}
