package io.lodestone.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * An in-memory registry serving, over real HTTP (the JDK's HttpServer), the part of the Confluent REST
 * API the serde uses: register, look up, schema by id, latest version, subjects. Unit tests use it to
 * see the requests the client sends and to script answers (errors, 5xx, stalls) that a real registry
 * cannot be made to give on demand; behaviour against a real registry is covered by the *IT tests.
 */
public final class FakeRegistry implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<Integer, ObjectNode> schemasById = new ConcurrentHashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();
  private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeRegistry(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeRegistry start() {
    try {
      return new FakeRegistry(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A registry served over TLS with the key and certificate of {@code tls}. */
  public static FakeRegistry startTls(SSLContext tls) {
    try {
      HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      return new FakeRegistry(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers the next request with this status and body instead of serving it. */
  public FakeRegistry answerNext(int status, String body) {
    return answerNext(status, body, Duration.ZERO);
  }

  /** Answers the next request with this status and body after a delay. */
  public FakeRegistry answerNext(int status, String body, Duration delay) {
    scripted.add(new Answer(status, body, delay));
    return this;
  }

  /** Stores a schema of any type under the subject, as another client could have; returns its id. */
  public int put(String subject, String schema, String schemaType) {
    ObjectNode stored = JSON.createObjectNode().put("schema", schema);
    if (!"AVRO".equals(schemaType)) {
      stored.put("schemaType", schemaType);
    }
    return store(subject, stored);
  }

  /** The requests received so far. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
        exchange.getRequestHeaders().getFirst("Authorization")));
    Answer answer = scripted.poll();
    if (answer == null) {
      answer = serve(exchange.getRequestMethod(), path.split("/"), body);
    }
    sleep(answer.delay);
    byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** Path segments: "", then e.g. "subjects", "{subject}", "versions", "latest" (any version reads as the latest). */
  private Answer serve(String method, String[] path, String body) throws IOException {
    boolean get = method.equals("GET");
    if (get && path.length == 2 && path[1].equals("subjects")) {
      return ok(JSON.valueToTree(new ArrayList<>(versionsBySubject.keySet())));
    }
    if (get && path.length == 4 && path[1].equals("schemas") && path[2].equals("ids")) {
      ObjectNode schema = schemasById.get(Integer.parseInt(path[3]));
      return schema == null ? error(404, 40403, "Schema " + path[3] + " not found.") : ok(schema);
    }
    if (path.length < 3 || !path[1].equals("subjects")) {
      return new Answer(404, "no such resource", Duration.ZERO);
    }
    String subject = URLDecoder.decode(path[2], StandardCharsets.UTF_8);
    if (!get && path.length == 4) {
      return ok(JSON.createObjectNode().put("id", store(subject, (ObjectNode) JSON.readTree(body))));
    }
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      return error(404, 40401, "Subject '" + subject + "' not found.");
    }
    if (get) {
      return path.length == 5 ? ok(version(subject, versions.size(), versions.get(versions.size() - 1)))
          : new Answer(404, "no such resource", Duration.ZERO);
    }
    String schema = JSON.readTree(body).get("schema").asText();
    for (int v = 0; v < versions.size(); v++) {
      if (schemasById.get(versions.get(v)).get("schema").asText().equals(schema)) {
        return ok(version(subject, v + 1, versions.get(v)));
      }
    }
    return error(404, 40403, "The given schema does not match any schema under the subject " + subject);
  }

  private synchronized int store(String subject, ObjectNode schema) {
    int id = schemasById.entrySet().stream().filter(e -> e.getValue().equals(schema)).mapToInt(Map.Entry::getKey)
        .findFirst().orElseGet(() -> {
          int next = schemasById.size() + 1;
          schemasById.put(next, schema);
          return next;
        });
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  private ObjectNode version(String subject, int version, int id) {
    return schemasById.get(id).deepCopy().put("subject", subject).put("version", version).put("id", id);
  }

  private static Answer ok(JsonNode json) {
    return new Answer(200, json.toString(), Duration.ZERO);
  }

  private static Answer error(int status, int code, String message) {
    return new Answer(status, JSON.createObjectNode().put("error_code", code).put("message", message).toString(),
        Duration.ZERO);
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** A request as received: method, path with query, and Authorization header (null when absent). */
  public record Request(String method, String uri, String authorization) {}

  private record Answer(int status, String body, Duration delay) {}
}
