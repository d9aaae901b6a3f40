package io.lodestone.producers.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A local HTTP server for feed tests: serves given bodies by path, honours ETags, can be slow or redirect. */
final class FeedServer implements AutoCloseable {
  /** What a path answers. */
  record Answer(int status, byte[] body, String contentType, String etag, long delayMillis, String location) {
    static Answer ok(byte[] body, String contentType) {
      return new Answer(200, body, contentType, null, 0, null);
    }

    Answer withEtag(String newEtag) {
      return new Answer(status, body, contentType, newEtag, delayMillis, location);
    }

    Answer slow(long millis) {
      return new Answer(status, body, contentType, etag, millis, location);
    }

    static Answer redirect(String location) {
      return new Answer(302, new byte[0], null, null, 0, location);
    }
  }

  /** A request the server saw. */
  record Seen(String path, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  void serve(String path, Answer answer) {
    answers.put(path, answer);
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Seen> requests(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    seen.add(new Seen(path, Map.copyOf(exchange.getRequestHeaders())));
    Answer answer = answers.get(path);
    try (exchange; OutputStream out = exchange.getResponseBody()) {
      if (answer == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (answer.delayMillis() > 0) {
        Thread.sleep(answer.delayMillis());
      }
      if (answer.location() != null) {
        exchange.getResponseHeaders().add("Location", answer.location());
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      if (answer.etag() != null) {
        exchange.getResponseHeaders().add("ETag", answer.etag());
        if (answer.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
      }
      if (answer.contentType() != null) {
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      }
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      out.write(answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (timeout or size limit): nothing to answer
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
