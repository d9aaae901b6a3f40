package io.lodestone.producers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingest API (Javalin):
 * <ul>
 *   <li>{@code POST /v1/reports}: one report (a JSON object) or a batch (an array of at most
 *       {@code api.max.batch}); fields as in {@link JsonReportParser}. Needs {@code Authorization: Bearer
 *       TOKEN} (else 401). 413 when the body is larger than {@code api.max.body.bytes}; 400 with
 *       {@code {"error", "problems": [{"index", "field", "message"}]}} when any report is invalid (then
 *       none is published); 503 with {@code Retry-After} when Kafka or the registry is unreachable or
 *       does not acknowledge in time; 202 with {@code {"accepted", "ids"}} only once Kafka acknowledged
 *       every report of the request (acks=all, idempotent producer).</li>
 *   <li>{@code GET /health}: 200 when Kafka and the registry answer, else 503; JSON either way.</li>
 *   <li>{@code GET /metrics}: Prometheus text format (Micrometer): requests by status, reports accepted,
 *       acknowledgement latency, dependency health, JVM.</li>
 *   <li>Anything else: 404, or 405 for another method on one of these paths, with {@code {"error"}}.</li>
 * </ul>
 * A 503 may follow a partial publish of a batch; retrying the whole request is safe, since report ids
 * are stable and a re-published report overwrites itself downstream.
 */
public final class IngestApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json";
  private static final String ENDPOINTS = "the API serves POST /v1/reports, GET /health and GET /metrics";

  /** How the API listens and what it accepts. */
  public record Settings(String host, int port, String token, int maxBodyBytes, int maxBatch, Duration publishTimeout,
      int retryAfterSeconds) {}

  private final Settings settings;
  private final JsonReportParser parser;
  private final ReportPublisher publisher;
  private final Dependencies dependencies;
  private final PrometheusMeterRegistry metrics;
  private final byte[] expectedAuthorization;
  private final Counter accepted;
  private final Timer acknowledgement;
  private final AtomicLong acceptedTotal = new AtomicLong();
  private final AtomicLong rejectedTotal = new AtomicLong();
  private volatile String lastError = "";
  private final Javalin server;

  IngestApi(Settings settings, JsonReportParser parser, ReportPublisher publisher, Dependencies dependencies,
      PrometheusMeterRegistry metrics) {
    if (settings.token() == null || settings.token().isBlank()) {
      throw new IllegalArgumentException("the HTTP API needs a bearer token: set api.token (LODESTONE_API_TOKEN)");
    }
    this.settings = settings;
    this.parser = parser;
    this.publisher = publisher;
    this.dependencies = dependencies;
    this.metrics = metrics;
    this.expectedAuthorization = ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
    this.accepted = Counter.builder("lodestone.api.reports.accepted").description("Reports acknowledged by Kafka").register(metrics);
    this.acknowledgement = Timer.builder("lodestone.api.publish.latency").description("Time from send to Kafka's acknowledgement")
        .publishPercentiles(0.5, 0.99).register(metrics);
    Gauge.builder("lodestone.api.kafka.up", dependencies, d -> d.kafkaUp() ? 1 : 0).register(metrics);
    Gauge.builder("lodestone.api.registry.up", dependencies, d -> d.registryUp() ? 1 : 0).register(metrics);
    this.server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.routes.post("/v1/reports", this::postReports);
      config.routes.get("/health", this::health);
      config.routes.get("/metrics", this::scrape);
      // clients of a JSON API parse its errors: Javalin's own 404 and 405 bodies are plain text
      config.http.prefer405over404 = true;
      config.routes.error(404, ctx -> respond(ctx, 404, error("no such endpoint: " + ctx.method() + " " + ctx.path() + "; " + ENDPOINTS)));
      config.routes.error(405, ctx -> respond(ctx, 405, error(ctx.method() + " is not allowed on " + ctx.path() + "; " + ENDPOINTS)));
    });
  }

  public IngestApi start() {
    server.start();
    LOG.info("HTTP ingest API listening on http://{}:{} (POST /v1/reports, GET /health, GET /metrics) -> {}", settings.host(),
        server.port(), publisher.topic());
    return this;
  }

  public int port() {
    return server.port();
  }

  long acceptedCount() {
    return acceptedTotal.get();
  }

  long rejectedCount() {
    return rejectedTotal.get();
  }

  String lastError() {
    return lastError;
  }

  private void postReports(Context ctx) throws IOException {
    if (!MessageDigest.isEqual(expectedAuthorization, String.valueOf(ctx.header("Authorization")).getBytes(StandardCharsets.UTF_8))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"lodestone\"");
      respond(ctx, 401, error("missing or wrong bearer token (Authorization: Bearer TOKEN)"));
      return;
    }
    byte[] body = readBody(ctx);
    if (body == null) {
      respond(ctx, 413, error("the body is larger than " + settings.maxBodyBytes() + " bytes (api.max.body.bytes)"));
      return;
    }
    JsonNode root;
    try {
      root = JsonReportParser.readJson(body);
    } catch (JsonProcessingException e) {
      reject(ctx, problems(problem(-1, null, JsonReportParser.moreThanOneValue(e)
          ? "the body holds more than one JSON value; send several reports as one JSON array"
          : "the body is not valid JSON: " + e.getOriginalMessage())));
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(items::add);
    } else if (root != null && root.isObject()) {
      items.add(root);
    } else {
      reject(ctx, problems(problem(-1, null, "expected a report (JSON object) or an array of reports")));
      return;
    }
    if (items.isEmpty() || items.size() > settings.maxBatch()) {
      reject(ctx, problems(problem(-1, null, "a request carries 1 to " + settings.maxBatch() + " reports; this one has " + items.size())));
      return;
    }
    List<NewsReport> reports = validate(items, ctx);
    if (reports == null) {
      return;
    }
    String unavailable = dependencies.unavailableReason();
    if (unavailable != null) {
      unavailable(ctx, unavailable);
      return;
    }
    publish(ctx, reports);
  }

  /** The reports, or null after answering 400 with every problem of every report. */
  private List<NewsReport> validate(List<JsonNode> items, Context ctx) {
    List<NewsReport> reports = new ArrayList<>(items.size());
    ArrayNode problems = JSON.createArrayNode();
    Instant now = Instant.now();
    for (int i = 0; i < items.size(); i++) {
      JsonReportParser.Parsed parsed = parser.parse(items.get(i), IngestChannel.HTTP, now);
      if (parsed.ok()) {
        reports.add(parsed.report());
      } else {
        for (JsonReportParser.Problem p : parsed.problems()) {
          problems.add(problem(i, p.field(), p.message()));
        }
      }
    }
    if (!problems.isEmpty()) {
      reject(ctx, problems);
      return null;
    }
    return reports;
  }

  private void publish(Context ctx, List<NewsReport> reports) {
    long start = System.nanoTime();
    CompletableFuture<?>[] acks = reports.stream().map(publisher::publish).toArray(CompletableFuture[]::new);
    ctx.future(() -> CompletableFuture.allOf(acks)
        .orTimeout(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle((ignored, error) -> {
          if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            String reason = cause instanceof java.util.concurrent.TimeoutException
                ? "Kafka did not acknowledge within " + settings.publishTimeout().toMillis() + " ms"
                : "Kafka or the schema registry refused the reports: " + cause.getMessage();
            unavailable(ctx, reason);
            return null;
          }
          acknowledgement.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          accepted.increment(reports.size());
          acceptedTotal.addAndGet(reports.size());
          ObjectNode answer = JSON.createObjectNode().put("accepted", reports.size());
          ArrayNode ids = answer.putArray("ids");
          reports.forEach(r -> ids.add(r.getId()));
          respond(ctx, 202, answer);
          return null;
        }));
  }

  /** The body, or null when it is larger than the limit (read no further than that). */
  private byte[] readBody(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > settings.maxBodyBytes()) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + n > settings.maxBodyBytes()) {
          return null;
        }
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  private void health(Context ctx) {
    boolean up = dependencies.unavailableReason() == null;
    ObjectNode answer = JSON.createObjectNode().put("status", up ? "UP" : "DOWN")
        .put("kafka", dependencies.kafkaUp() ? "UP" : "DOWN").put("registry", dependencies.registryUp() ? "UP" : "DOWN");
    respond(ctx, up ? 200 : 503, answer);
  }

  private void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  private void reject(Context ctx, ArrayNode problems) {
    rejectedTotal.incrementAndGet();
    ObjectNode answer = JSON.createObjectNode().put("error", "the request was rejected; nothing was published");
    answer.set("problems", problems);
    respond(ctx, 400, answer);
  }

  private void unavailable(Context ctx, String reason) {
    lastError = reason;
    LOG.warn("answering 503: {}", reason);
    ctx.header("Retry-After", Integer.toString(settings.retryAfterSeconds()));
    respond(ctx, 503, error(reason + "; retry later"));
  }

  private void respond(Context ctx, int status, ObjectNode body) {
    metrics.counter("lodestone.api.requests", "status", Integer.toString(status)).increment();
    ctx.status(status).contentType(JSON_TYPE).result(body.toString());
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static ArrayNode problems(ObjectNode problem) {
    return JSON.createArrayNode().add(problem);
  }

  private static ObjectNode problem(int index, String field, String message) {
    ObjectNode problem = JSON.createObjectNode();
    if (index >= 0) {
      problem.put("index", index);
    }
    problem.put("field", field);
    problem.put("message", message);
    return problem;
  }

  @Override
  public void close() {
    server.stop();
  }
}
