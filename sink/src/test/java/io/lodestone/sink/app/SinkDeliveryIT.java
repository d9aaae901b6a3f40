package io.lodestone.sink.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No loss and no duplicates when things break: Elasticsearch away for 30 s in the middle of a run, and the
 * sink killed with SIGKILL in the middle of its bulk requests. Counting by id: every report is in
 * Elasticsearch exactly once, and nothing went to the dead-letter topic.
 */
@ExtendWith(TestStackExtension.class)
class SinkDeliveryIT {
  private static final Logger LOG = LoggerFactory.getLogger(SinkDeliveryIT.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void anElasticsearchOutageOf30SecondsDelaysReportsButLosesOrDuplicatesNone(TestStack stack) throws Exception {
    int chunks = 40;
    int perChunk = 50;
    int total = chunks * perChunk;
    ElasticsearchServer elasticsearch = stack.elasticsearch();
    try (SinkHarness harness = new SinkHarness(stack, "it-outage")) {
      Map<String, Object> config = harness.config();
      config.put(SinkConfig.BULK_MAX_ACTIONS, 100);
      // Reports keep arriving before, during and after the outage.
      Thread publisher = new Thread(() -> {
        try {
          for (int chunk = 0; chunk < chunks; chunk++) {
            for (int n = chunk * perChunk; n < (chunk + 1) * perChunk; n++) {
              EnrichedReport report = TestReports.numbered("outage", n);
              harness.publish(harness.enrichedTopic(), report.getReport().getId(), report);
            }
            harness.flush();
            Thread.sleep(500);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "test-publisher");
      try (SinkHarness.RunningSink sink = harness.start(config)) {
        publisher.start();
        long before = harness.awaitCount(count -> count >= 300, TIMEOUT);
        LOG.info("{} reports indexed; stopping Elasticsearch for 30 s", before);
        elasticsearch.stop(Duration.ofSeconds(20));
        try {
          Thread.sleep(30_000);
        } finally {
          restart(elasticsearch);
        }
        publisher.join();
        harness.awaitCount(count -> count >= total, TIMEOUT);
        Thread.sleep(2_000);
        assertThat(harness.count()).isEqualTo(total);
        assertThat(harness.idsIndexedMoreThanOnce()).isEmpty();
        assertThat(harness.deadLetters()).isEmpty();
        assertThat(sink.app().deadLetteredCount()).isZero();
      } finally {
        publisher.interrupt();
        if (elasticsearch.handle().isEmpty()) {
          restart(elasticsearch);
        }
      }
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
        harness.awaitCount(count -> count >= total, TIMEOUT);
        Thread.sleep(2_000);
        assertThat(harness.count()).isEqualTo(total);
        assertThat(harness.idsIndexedMoreThanOnce()).isEmpty();
        assertThat(harness.deadLetters()).isEmpty();
      } finally {
        second.destroy();
        second.waitFor();
      }
    }
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
