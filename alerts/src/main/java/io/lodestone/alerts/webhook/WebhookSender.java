package io.lodestone.alerts.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;

/** Sends one delivery: a signed JSON POST with the alert id as idempotency key. Thread-safe. */
public final class WebhookSender {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String SUBSCRIPTION_HEADER = "X-Lodestone-Subscription";
  public static final String ATTEMPT_HEADER = "X-Lodestone-Attempt";

  private final HttpClient http;
  private final Duration requestTimeout;

  public WebhookSender(Duration connectTimeout, Duration requestTimeout) {
    // HTTP/1.1: an h2c upgrade on plain http confuses some receivers, and a delivery is one small request.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.requestTimeout = requestTimeout;
  }

  public Attempt send(Subscription subscription, String alertId, byte[] body, int attempt) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(subscription.url())
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "lodestone-webhooks")
        .header(IDEMPOTENCY_KEY, alertId)
        .header(WebhookSignature.HEADER, WebhookSignature.sign(subscription.secret(), body))
        .header(SUBSCRIPTION_HEADER, subscription.id())
        .header(ATTEMPT_HEADER, Integer.toString(attempt))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return classify(response.statusCode(), response.headers().firstValueAsLong("Retry-After"));
    } catch (HttpTimeoutException e) {
      return new Attempt(Attempt.Outcome.RETRY, "timed out after " + requestTimeout.toMillis() + " ms", 0);
    } catch (IOException e) {
      return new Attempt(Attempt.Outcome.RETRY, "connection failed: " + (e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()), 0);
    }
  }

  static Attempt classify(int status, OptionalLong retryAfterSeconds) {
    String detail = "HTTP " + status;
    if (status >= 200 && status < 300) {
      return new Attempt(Attempt.Outcome.DELIVERED, detail, 0);
    }
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return new Attempt(Attempt.Outcome.RETRY, detail, Math.max(0, retryAfterSeconds.orElse(0)) * 1000);
    }
    return new Attempt(Attempt.Outcome.REJECTED, detail, 0);
  }
}
