package io.lodestone.producers.http;

import io.lodestone.core.kafka.TopicBootstrap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every few seconds that Kafka (a cluster description) and the schema registry (its subject
 * list) answer, so that the API can answer 503 at once instead of holding a client while a send blocks,
 * and so that GET /health tells the truth. A registry answering 401 or 403 counts as reachable. The
 * first time Kafka answers, the raw topic is created if missing, so that the API starts (and answers
 * 503) while Kafka is still down.
 */
final class Dependencies implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dependencies.class);
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private final Admin admin;
  private final TopicBootstrap.TopicSpec topic;
  private volatile boolean topicReady;
  private final String bootstrapServers;
  private final URI registrySubjects;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CHECK_TIMEOUT).build();
  private final ScheduledExecutorService timer;
  private volatile boolean kafkaUp;
  private volatile boolean registryUp;

  Dependencies(Map<String, Object> adminProperties, TopicBootstrap.TopicSpec topic, String registryUrl, Duration interval) {
    this.topic = topic;
    Map<String, Object> props = new HashMap<>(adminProperties);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
    this.admin = Admin.create(props);
    this.bootstrapServers = String.valueOf(adminProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    this.registrySubjects = URI.create(registryUrl.replaceAll("/+$", "") + "/subjects");
    check();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "api-dependency-check");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void check() {
    boolean kafka = checkKafka();
    boolean registry = checkRegistry();
    if (kafka != kafkaUp || registry != registryUp) {
      LOG.info("dependencies: Kafka {} ({}), schema registry {} ({})", kafka ? "up" : "DOWN", bootstrapServers,
          registry ? "up" : "DOWN", registrySubjects);
    }
    kafkaUp = kafka;
    registryUp = registry;
  }

  private boolean checkKafka() {
    try {
      if (admin.describeCluster().nodes().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty()) {
        return false;
      }
      if (!topicReady) {
        TopicBootstrap.ensure(admin, List.of(topic));
        topicReady = true;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private boolean checkRegistry() {
    try {
      int status = http.send(HttpRequest.newBuilder(registrySubjects).timeout(CHECK_TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
      return status < 500;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  boolean kafkaUp() {
    return kafkaUp;
  }

  boolean registryUp() {
    return registryUp;
  }

  /** Why reports cannot be accepted now, or null when they can. */
  String unavailableReason() {
    if (!kafkaUp) {
      return "Kafka (" + bootstrapServers + ") is unreachable";
    }
    if (!registryUp) {
      return "the schema registry (" + registrySubjects.resolve(".") + ") is unreachable";
    }
    return null;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
