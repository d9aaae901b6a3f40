package io.lodestone.sink.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failures are the ones the real client raises for Elasticsearch's answers, served by a JDK HTTP server
 * that answers every request with one status and error body.
 */
class IndexReadinessTest {
  private static final String SHARD_NOT_STARTED = """
      {"error":{"root_cause":[],"type":"search_phase_execution_exception","reason":"all shards failed",\
      "phase":"query","grouped":true,"failed_shards":[]},"status":503}""";
  private static final String NO_SUCH_INDEX = """
      {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [lodestone-reports]"}],\
      "type":"index_not_found_exception","reason":"no such index [lodestone-reports]"},"status":404}""";
  private static final String REFUSED = """
      {"error":{"root_cause":[{"type":"parsing_exception","reason":"unknown query"}],\
      "type":"parsing_exception","reason":"unknown query"},"status":400}""";

  @Test
  void aShardNotStartedYetIsNotSearchableYet() throws IOException {
    Throwable starting = countFailure(503, SHARD_NOT_STARTED);

    assertThat(IndexReadiness.status(starting)).isEqualTo(503);
    assertThat(IndexReadiness.notSearchableYet(starting)).isTrue();
    assertThat(IndexReadiness.notSearchableYet(new IOException("wrapped", starting))).isTrue();
  }

  @Test
  void aMissingIndexIsNotSearchableYetButARefusedRequestIsAnError() throws IOException {
    assertThat(IndexReadiness.notSearchableYet(countFailure(404, NO_SUCH_INDEX))).isTrue();
    Throwable refused = countFailure(400, REFUSED);
    assertThat(IndexReadiness.status(refused)).isEqualTo(400);
    assertThat(IndexReadiness.notSearchableYet(refused)).isFalse();
  }

  @Test
  void noAnswerAtAllHasNoStatus() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Throwable unreachable = count("http://127.0.0.1:" + closedPort);

    assertThat(IndexReadiness.status(unreachable)).isEqualTo(-1);
    assertThat(IndexReadiness.notSearchableYet(unreachable)).isFalse();
  }

  /** What a count on the reports alias fails with when Elasticsearch answers {@code status} and {@code body}. */
  private static Throwable countFailure(int status, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch"); // the client refuses answers without it
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    try {
      return count("http://127.0.0.1:" + server.getAddress().getPort());
    } finally {
      server.stop(0);
    }
  }

  private static Throwable count(String url) throws IOException {
    ElasticsearchClient client = ElasticsearchClients.create(List.of(url));
    try {
      Throwable failure = catchThrowable(() -> client.count(c -> c.index("lodestone-reports")));
      assertThat(failure).as("the count should fail").isNotNull();
      return failure;
    } finally {
      client._transport().close();
    }
  }
}
