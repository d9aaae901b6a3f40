package io.lodestone.sink.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.sink.SinkConfig;
import io.lodestone.sink.SinkHarness;
import io.lodestone.sink.TestReports;
import io.lodestone.stack.ElasticsearchServer;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No loss and no duplicates when things break: Elasticsearch away for 30 s in the middle of a run, the
 * sink's partitions taken away and handed back mid-run, and the sink killed with SIGKILL in the middle of
 * its bulk requests. Counting by id: every report is in
 * Elasticsearch exactly once, and nothing went to the dead-letter topic.
 */
@ExtendWith(TestStackExtension.class)
class SinkDeliveryIT {
  private static final Logger LOG = LoggerFactory.getLogger(SinkDeliveryIT.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void anElasticsearchOutageOf30SecondsDelaysReportsButLosesOrDuplicatesNone(TestStack stack) throws Exception {
    ElasticsearchServer elasticsearch = stack.elasticsearch();
    try {
      publishThroughFault(stack, "outage", 40, 500, (harness, config) -> {
        LOG.info("stopping Elasticsearch for 30 s");
        elasticsearch.stop(Duration.ofSeconds(20));
        try {
          Thread.sleep(30_000);
        } finally {
          restart(elasticsearch);
        }
      });
    } finally {
      if (elasticsearch.handle().isEmpty()) {
        restart(elasticsearch);
      }
    }
  }

  /**
   * Another consumer joining and leaving the sink's group makes the sink give up and take back its
   * partitions in the middle of a poll (the eager range assignor revokes everything each time); what
   * that poll returns is read from the last commit and must be indexed, not skipped.
   */
  @Test
  void rebalancesInTheMiddleOfARunLoseAndDuplicateNothing(TestStack stack) throws Exception {
    publishThroughFault(stack, "rebalance", 40, 500, (harness, config) -> {
      for (int visit = 0; visit < 6; visit++) {
        visitGroup(harness, config);
      }
    });
  }

  /** A fault injected while reports keep arriving, once the first ones are indexed. */
  @FunctionalInterface
  private interface Fault {
    void inject(SinkHarness harness, Map<String, Object> sinkConfig) throws Exception;
  }

  /**
   * Runs a sink while 50 numbered reports per chunk arrive with a pause after each chunk (so that they keep
   * arriving before, during and after the fault), then counts by id: each indexed once, none dead-lettered.
   */
  private static void publishThroughFault(TestStack stack, String name, int chunks, long pauseMs, Fault fault)
      throws Exception {
    int perChunk = 50;
    try (SinkHarness harness = new SinkHarness(stack, "it-" + name)) {
      Map<String, Object> config = harness.config();
      config.put(SinkConfig.BULK_MAX_ACTIONS, 100);
      Thread publisher = steadyPublisher(harness, name, chunks, perChunk, pauseMs);
      try (SinkHarness.RunningSink sink = harness.start(config)) {
        publisher.start();
        long before = harness.awaitCount(count -> count >= 300, TIMEOUT);
        LOG.info("{} reports indexed; injecting the fault", before);
        fault.inject(harness, config);
        publisher.join();
        assertEveryReportIndexedOnce(harness, chunks * perChunk);
      } finally {
        publisher.interrupt();
      }
    }
  }

  /** Joins the sink's group until it holds partitions, reads a little without committing, and leaves. */
  private static void visitGroup(SinkHarness harness, Map<String, Object> sinkConfig) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, sinkConfig.get(CommonOptions.BOOTSTRAP_SERVERS));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, sinkConfig.get(SinkConfig.GROUP_ID));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> visitor = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      visitor.subscribe(List.of(harness.enrichedTopic(), harness.duplicatesTopic()));
      Instant deadline = Instant.now().plusSeconds(30);
      while (visitor.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
        visitor.poll(Duration.ofMillis(200));
      }
      LOG.info("visitor joined the sink's group with {}", visitor.assignment());
      visitor.poll(Duration.ofSeconds(1));
    }
  }

  @Test
  void aSinkKilledInTheMiddleOfABatchLosesAndDuplicatesNothingWhenItRestarts(TestStack stack, @org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    int total = 4_000;
    try (SinkHarness harness = new SinkHarness(stack, "it-kill")) {
      for (int n = 0; n < total; n++) {
        EnrichedReport report = TestReports.numbered("kill", n);
        harness.publish(harness.enrichedTopic(), report.getReport().getId(), report);
      }
      harness.flush();
      Map<String, Object> config = harness.config();
      config.put(SinkConfig.BULK_MAX_ACTIONS, 100);
      Path properties = writeProperties(config, dir.resolve("sink.properties"));

      Process first = startSinkProcess(properties, dir.resolve("sink-1.log"));
      long atKill;
      try {
        atKill = harness.awaitCount(count -> count >= 800, TIMEOUT);
      } finally {
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit, requests cut off mid-flight
        first.waitFor();
      }
      LOG.info("sink killed with {} of {} reports indexed", atKill, total);
      assertThat(atKill).as("killed in the middle of the run").isLessThan(total);

      Process second = startSinkProcess(properties, dir.resolve("sink-2.log"));
      try {
        assertEveryReportIndexedOnce(harness, total);
      } finally {
        second.destroy();
        second.waitFor();
      }
    }
  }

  /** Waits for all reports, then counts by id: each indexed once, none dead-lettered. */
  private static void assertEveryReportIndexedOnce(SinkHarness harness, int total) throws Exception {
    harness.awaitCount(count -> count >= total, TIMEOUT);
    Thread.sleep(2_000);
    assertThat(harness.count()).isEqualTo(total);
    assertThat(harness.idsIndexedMoreThanOnce()).isEmpty();
    assertThat(harness.deadLetters()).isEmpty();
  }

  /** Publishes numbered reports in chunks, a pause after each, so that they keep arriving during a fault. */
  private static Thread steadyPublisher(SinkHarness harness, String prefix, int chunks, int perChunk, long pauseMs) {
    return new Thread(() -> {
      try {
        for (int chunk = 0; chunk < chunks; chunk++) {
          for (int n = chunk * perChunk; n < (chunk + 1) * perChunk; n++) {
            EnrichedReport report = TestReports.numbered(prefix, n);
            harness.publish(harness.enrichedTopic(), report.getReport().getId(), report);
          }
          harness.flush();
          Thread.sleep(pauseMs);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "test-publisher");
  }

  private static void restart(ElasticsearchServer elasticsearch) {
    LOG.info("starting Elasticsearch again on port {}", elasticsearch.port());
    elasticsearch.start(false);
    elasticsearch.awaitReady(Duration.ofMinutes(3));
  }

  private static Path writeProperties(Map<String, Object> config, Path file) throws IOException {
    Properties properties = new Properties();
    config.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "sink under test");
    }
    return file;
  }

  /** The sink as its own JVM, on this test's class path, logging to a file. */
  private static Process startSinkProcess(Path properties, Path log) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", classPath, SinkMain.class.getName(), properties.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
