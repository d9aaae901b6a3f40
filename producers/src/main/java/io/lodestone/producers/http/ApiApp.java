package io.lodestone.producers.http;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.status.AppStatus;
import io.lodestone.core.status.StatusReporter;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.publish.ReportPublisher;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The HTTP ingest API as an app (app name {@value #APP_NAME}): configuration in, heartbeat out. */
public final class ApiApp implements AutoCloseable {
  public static final String APP_NAME = "api";

  private final ReportPublisher publisher;
  private final Dependencies dependencies;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final IngestApi api;
  private final StatusReporter status;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile String state = AppStatus.STARTING;

  public ApiApp(IngestConfig config) {
    String token = config.getPassword(IngestConfig.API_TOKEN).value();
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the HTTP API needs a bearer token: set api.token (LODESTONE_API_TOKEN)");
    }
    // A send must not hold an HTTP client for a minute while Kafka is away: fail fast, answer 503.
    this.publisher = new ReportPublisher(config, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000), false);
    this.dependencies = new Dependencies(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.getString(CommonOptions.BOOTSTRAP_SERVERS)), ReportPublisher.topicSpec(config),
        config.getString(CommonOptions.SCHEMA_REGISTRY_URL),
        Duration.ofMillis(config.getLong(IngestConfig.API_HEALTH_INTERVAL_MS)));
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    gcMetrics.bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    this.api = new IngestApi(new IngestApi.Settings(config.getString(IngestConfig.API_HOST), config.getInt(IngestConfig.API_PORT),
        token, config.getInt(IngestConfig.API_MAX_BODY_BYTES), config.getInt(IngestConfig.API_MAX_BATCH),
        Duration.ofMillis(config.getInt(IngestConfig.API_PUBLISH_TIMEOUT_MS)), config.getInt(IngestConfig.API_RETRY_AFTER_SECONDS)),
        new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES)), publisher, dependencies, metrics);
    this.status = new StatusReporter(config.statusDir(), APP_NAME, () -> state, () -> Map.of(
        "accepted", Long.toString(api.acceptedCount()), "rejected_requests", Long.toString(api.rejectedCount()),
        "kafka", dependencies.kafkaUp() ? "up" : "down", "registry", dependencies.registryUp() ? "up" : "down",
        "last_error", api.lastError()));
  }

  /** Starts listening; returns at once. */
  public ApiApp start() {
    api.start();
    state = AppStatus.RUNNING;
    return this;
  }

  public int port() {
    return api.port();
  }

  /** Blocks until {@link #stop()}. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  public void stop() {
    state = AppStatus.STOPPED;
    stopped.countDown();
  }

  @Override
  public void close() {
    api.close();
    publisher.close();
    dependencies.close();
    gcMetrics.close();
    state = AppStatus.STOPPED;
    status.close();
  }
}
