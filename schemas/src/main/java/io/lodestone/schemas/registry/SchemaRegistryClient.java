package io.lodestone.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (v1), which Confluent Schema Registry, Apicurio
 * ({@code /apis/ccompat/v7}), Karapace and Redpanda all serve. Schema ids are immutable, so schemas by
 * id and ids by (subject, schema) are cached for the life of the client. Thread-safe.
 */
public final class SchemaRegistryClient {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final HttpClient http;
  private final String authorization;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

  public SchemaRegistryClient(RegistryClientConfig config) {
    this.config = config;
    this.authorization = config.authorizationHeader();
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public SchemaRegistryClient(String url) {
    this(RegistryClientConfig.forUrl(url));
  }

  /** Registers the schema under the subject (idempotent) and returns its global id. */
  public int register(String subject, Schema schema) {
    return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(schema, s -> {
          int id = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(s)).get("id").asInt();
          schemasById.putIfAbsent(id, s);
          return id;
        });
  }

  /** The id of a schema already registered under the subject; 40403 when it is not. */
  public int lookup(String subject, Schema schema) {
    return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(schema, s -> send("POST", "/subjects/" + encode(subject), schemaBody(s)).get("id").asInt());
  }

  /** The schema with this global id. */
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, i -> parse(send("GET", "/schemas/ids/" + i, null).get("schema").asText()));
  }

  /** The latest version registered under the subject. */
  public SchemaVersion latest(String subject) {
    return version(subject, "latest");
  }

  /** A version of the subject: a number or "latest". */
  public SchemaVersion version(String subject, String version) {
    JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null);
    Schema schema = parse(answer.get("schema").asText());
    int id = answer.get("id").asInt();
    schemasById.putIfAbsent(id, schema);
    return new SchemaVersion(answer.get("subject").asText(subject), answer.get("version").asInt(), id, schema);
  }

  /** Version numbers registered under the subject. */
  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(v -> versions.add(v.asInt()));
    return versions;
  }

  /** Whether the schema may be registered under the subject by its compatibility rule. */
  public boolean isCompatible(String subject, Schema schema) {
    try {
      return send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
          .path("is_compatible").asBoolean(false);
    } catch (SchemaRegistryException.SubjectNotFoundException | SchemaRegistryException.SchemaNotFoundException e) {
      return true; // nothing registered yet: anything is compatible
    }
  }

  /** Compatibility level of the subject, or the global one when subject is null. */
  public String compatibility(String subject) {
    JsonNode answer = send("GET", subject == null ? "/config" : "/config/" + encode(subject), null);
    return answer.has("compatibilityLevel") ? answer.get("compatibilityLevel").asText()
        : answer.path("compatibility").asText();
  }

  /** Sets the compatibility level of the subject, or the global one when subject is null. */
  public void setCompatibility(String subject, String level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString());
  }

  /** All subjects. */
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  /** Deletes a subject (soft delete); returns the deleted versions. */
  public List<Integer> deleteSubject(String subject) {
    List<Integer> versions = new ArrayList<>();
    send("DELETE", "/subjects/" + encode(subject), null).forEach(v -> versions.add(v.asInt()));
    idsBySubject.remove(subject);
    return versions;
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Sends a request to the first reachable registry URL, retrying connection errors and 5xx answers
   * with exponential backoff and jitter up to max.retries times.
   */
  private JsonNode send(String method, String path, String body) {
    long wait = config.retryWaitMs();
    for (int attempt = 0; ; attempt++) {
      try {
        return sendOnce(method, path, body);
      } catch (RetriableException e) {
        if (attempt >= config.maxRetries()) {
          throw new SchemaRegistryException("schema registry at " + config.urls() + " failed after "
              + (attempt + 1) + " attempt(s): " + e.getMessage(), e);
        }
        sleep(wait + ThreadLocalRandom.current().nextLong(wait / 2 + 1));
        wait = Math.min(wait * 2, config.retryMaxWaitMs());
      }
    }
  }

  private JsonNode sendOnce(String method, String path, String body) {
    String lastError = "no schema.registry.url configured";
    for (String base : config.urls()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(base + path))
          .timeout(config.readTimeout())
          .header("Accept", CONTENT_TYPE + ", application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", CONTENT_TYPE);
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        lastError = base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("interrupted while calling the schema registry", e);
      }
      return answer(base, response);
    }
    throw new RetriableException("cannot reach the schema registry (" + lastError + ")");
  }

  private static JsonNode answer(String base, HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode json;
    try {
      json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      json = JSON.nullNode();
    }
    if (status >= 200 && status < 300) {
      return json;
    }
    if (status >= 500) {
      throw new RetriableException(base + " answered " + status + ": " + abbreviate(response.body()));
    }
    int code = json.path("error_code").asInt(status);
    String message = json.path("message").asText(abbreviate(response.body()));
    throw SchemaRegistryException.of(status, code, message);
  }

  private static URI withoutUserInfo(String url) {
    URI uri = URI.create(url);
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted while waiting to retry the schema registry", e);
    }
  }

  /** A schema version under a subject. */
  public record SchemaVersion(String subject, int version, int id, Schema schema) {}

  /** A failure worth retrying: the registry could not be reached or answered 5xx. */
  private static final class RetriableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetriableException(String message) {
      super(message);
    }
  }
}
