package io.lodestone.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Consumer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Waits until Elasticsearch has indexed no document and run no merge for a while: the pipeline has worked
 * through the backlog of the phase before (the sink's and the alerts app's), so that a latency phase
 * measures its own reports at its own rate, not the queue left by a throughput phase, and the streams phase's
 * two topologies do not share the machine with that queue.
 */
final class ElasticsearchIdle {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofSeconds(1);

  private ElasticsearchIdle() {}

  /** Returns once nothing was indexed or merged for {@code quiet}, or when {@code timeout} has passed. */
  static void await(RestClient client, Duration quiet, Duration timeout, Consumer<String> progress)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastIndexed = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Activity now = activity(client);
      if (now.indexed() != lastIndexed || now.merging() > 0) {
        lastIndexed = now.indexed();
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    progress.accept("Elasticsearch still busy after " + timeout.toSeconds() + " s; measuring anyway");
  }

  private record Activity(long indexed, long merging) {}

  private static Activity activity(RestClient client) throws IOException {
    try (InputStream body = client.performRequest(new Request("GET", "/_nodes/stats/indices/indexing,merge"))
        .getEntity().getContent()) {
      long indexed = 0;
      long merging = 0;
      for (JsonNode node : JSON.readTree(body).path("nodes")) {
        indexed += node.path("indices").path("indexing").path("index_total").asLong();
        merging += node.path("indices").path("merges").path("current").asLong();
      }
      return new Activity(indexed, merging);
    }
  }
}
