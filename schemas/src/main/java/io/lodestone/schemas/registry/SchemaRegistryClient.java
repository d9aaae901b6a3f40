package io.lodestone.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.schemas.registry.SchemaRegistryException.RegistryUnavailableException;
import io.lodestone.schemas.registry.SchemaRegistryException.SchemaNotFoundException;
import io.lodestone.schemas.registry.SchemaRegistryException.SubjectNotFoundException;
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
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Client of the Confluent Schema Registry REST API (v1), which Confluent Schema Registry, Apicurio
 * ({@code /apis/ccompat/v7}), Karapace and Redpanda all serve. Schema ids are immutable, so schemas by
 * id and ids by (subject, schema) are cached for the life of the client. Answers with an error become
 * typed {@link SchemaRegistryException}s carrying the registry's error code and message; connection
 * errors, timeouts and 5xx answers are retried with backoff, then raise
 * {@link RegistryUnavailableException}. Thread-safe.
 */
public final class SchemaRegistryClient {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final List<String> baseUrls;
  private final HttpClient http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

  public SchemaRegistryClient(RegistryClientConfig config) {
    this.config = config;
    // Credentials travel in the Authorization header, never in the request URL.
    this.baseUrls = config.urls().stream().map(SchemaRegistryClient::withoutUserInfo).toList();
    // HTTP/1.1: the default HTTP/2 attempt sends an h2c upgrade on plain http, which some proxies and
    // registries mishandle, for no gain on small JSON requests.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public SchemaRegistryClient(String url) {
    this(RegistryClientConfig.forUrl(url));
  }

  /** Registers the schema under the subject (idempotent) and returns its global id. */
  public int register(String subject, Schema schema) {
    return cachedId(subject, schema, () -> requiredField(send(new Call("POST",
        "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
        "register " + schema.getFullName() + " under subject " + subject)), "id").asInt());
  }

  /** The id of a schema already registered under the subject; 40401 or 40403 when it is not. */
  public int lookup(String subject, Schema schema) {
    return cachedId(subject, schema, () -> requiredField(send(new Call("POST",
        "/subjects/" + encode(subject), schemaBody(schema),
        "look up " + schema.getFullName() + " under subject " + subject)), "id").asInt());
  }

  /**
   * The Avro schema with this global id; 40403 when there is none, and a {@link SchemaParseException}
   * when the id names something that is not a valid Avro schema (e.g. a JSON schema).
   */
  public Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      schema = avroSchema(send(new Call("GET", "/schemas/ids/" + id, null, "fetch schema id " + id)), "schema id " + id);
      Schema raced = schemasById.putIfAbsent(id, schema);
      schema = raced == null ? schema : raced;
    }
    return schema;
  }

  /** The latest version registered under the subject. */
  public SchemaVersion latest(String subject) {
    return version(subject, "latest");
  }

  /** A version of the subject: a number or "latest". */
  public SchemaVersion version(String subject, String version) {
    JsonNode answer = send(new Call("GET", "/subjects/" + encode(subject) + "/versions/" + encode(version), null,
        "fetch version " + version + " of subject " + subject));
    int id = requiredField(answer, "id").asInt();
    Schema schema = schemasById.computeIfAbsent(id, i -> avroSchema(answer, "schema id " + i));
    return new SchemaVersion(answer.path("subject").asText(subject), requiredField(answer, "version").asInt(), id, schema);
  }

  /** Version numbers registered under the subject. */
  public List<Integer> versions(String subject) {
    return intList(send(new Call("GET", "/subjects/" + encode(subject) + "/versions", null,
        "list the versions of subject " + subject)));
  }

  /** Whether the schema may be registered under the subject by its compatibility rule. */
  public boolean isCompatible(String subject, Schema schema) {
    try {
      return requiredField(send(new Call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
          schemaBody(schema), "test " + schema.getFullName() + " against subject " + subject)), "is_compatible")
          .asBoolean();
    } catch (SubjectNotFoundException | SchemaNotFoundException e) {
      return true; // nothing registered yet: anything is compatible
    }
  }

  /**
   * The compatibility level in force for the subject (its own, else the global one), or the global one
   * when subject is null.
   */
  public String compatibility(String subject) {
    JsonNode answer = send(new Call("GET", subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true",
        null, "read the compatibility level of " + (subject == null ? "the registry" : "subject " + subject)));
    return answer.has("compatibilityLevel") ? answer.get("compatibilityLevel").asText()
        : requiredField(answer, "compatibility").asText();
  }

  /** Sets the compatibility level (e.g. BACKWARD) of the subject, or the global one when subject is null. */
  public void setCompatibility(String subject, String level) {
    send(new Call("PUT", subject == null ? "/config" : "/config/" + encode(subject),
        JSON.createObjectNode().put("compatibility", level).toString(),
        "set the compatibility level of " + (subject == null ? "the registry" : "subject " + subject) + " to " + level));
  }

  /** All subjects. */
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send(new Call("GET", "/subjects", null, "list subjects")).forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  /** Deletes a subject (soft delete); returns the deleted versions. */
  public List<Integer> deleteSubject(String subject) {
    List<Integer> versions = intList(send(new Call("DELETE", "/subjects/" + encode(subject), null, "delete subject " + subject)));
    idsBySubject.remove(subject);
    return versions;
  }

  /** Answers from the cache, else asks the registry outside any lock: a slow registry blocks no other key. */
  private int cachedId(String subject, Schema schema, java.util.function.IntSupplier ask) {
    Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer id = ids.get(schema);
    if (id == null) {
      id = ask.getAsInt();
      ids.put(schema, id);
      schemasById.putIfAbsent(id, schema);
    }
    return id;
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static Schema avroSchema(JsonNode answer, String what) {
    String type = answer.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaParseException(what + " is a " + type + " schema, not an Avro schema");
    }
    try {
      return new Schema.Parser().parse(requiredField(answer, "schema").asText());
    } catch (AvroRuntimeException e) {
      throw new SchemaParseException(what + " is not a valid Avro schema: " + e.getMessage());
    }
  }

  private static JsonNode requiredField(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || value.isNull()) {
      throw new SchemaRegistryException(200, -1, "The schema registry's answer lacks the field " + field + ": "
          + abbreviate(answer.toString()));
    }
    return value;
  }

  private static List<Integer> intList(JsonNode answer) {
    List<Integer> values = new ArrayList<>();
    answer.forEach(v -> values.add(v.asInt()));
    return values;
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Sends the call to the first registry URL that answers without a 5xx, retrying the whole list after
   * a backoff (doubled each time, with jitter) up to max.retries times.
   */
  private JsonNode send(Call call) {
    long wait = config.retryWaitMs();
    for (int attempt = 1; ; attempt++) {
      Unavailable problem = null;
      for (String base : baseUrls) {
        try {
          return answer(base, call, exchange(base, call));
        } catch (Unavailable e) {
          problem = e;
        }
      }
      if (attempt > config.maxRetries()) {
        throw new RegistryUnavailableException(problem.status, problem.errorCode, "The schema registry at " + baseUrls
            + " could not " + call.purpose + " in " + attempt + " attempt(s): " + problem.getMessage(), problem.getCause());
      }
      sleep(wait + ThreadLocalRandom.current().nextLong(wait / 2 + 1), call);
      wait = Math.min(wait * 2, config.retryMaxWaitMs());
    }
  }

  private HttpResponse<String> exchange(String base, Call call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path))
        .timeout(config.readTimeout())
        .header("Accept", CONTENT_TYPE + ", application/json")
        .method(call.method, call.body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body, StandardCharsets.UTF_8));
    if (call.body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    if (config.authorizationHeader() != null) {
      request.header("Authorization", config.authorizationHeader());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable(base + ": " + describe(e), -1, -1, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while asking the schema registry to " + call.purpose, e);
    }
  }

  private static JsonNode answer(String base, Call call, HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode json;
    try {
      json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      json = JSON.missingNode();
    }
    if (status >= 200 && status < 300) {
      if (json.isMissingNode()) {
        throw new SchemaRegistryException(status, -1, "The schema registry at " + base + " answered the request to "
            + call.purpose + " with something that is not JSON: " + abbreviate(response.body()));
      }
      return json;
    }
    boolean confluentError = json.has("error_code");
    int code = confluentError ? json.get("error_code").asInt() : status;
    String message = json.has("message") ? json.get("message").asText() : abbreviate(response.body());
    if (status >= 500) {
      throw new Unavailable(base + " answered HTTP " + status + " (error " + code + "): " + message, status, code, null);
    }
    throw SchemaRegistryException.of(status, code, "The schema registry at " + base + " refused to " + call.purpose
        + " (error " + code + "): " + message + hint(status, confluentError));
  }

  /** Errors that are almost always a configuration mistake, not a registry verdict. */
  private static String hint(int status, boolean confluentError) {
    if (status == 401 || status == 403) {
      return "; check basic.auth.credentials.source, basic.auth.user.info or bearer.auth.token";
    }
    if (status == 404 && !confluentError) {
      return "; is schema.registry.url the base of the registry's Confluent API (for Apicurio, .../apis/ccompat/v7)?";
    }
    return "";
  }

  private static String withoutUserInfo(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  private static void sleep(long millis, Call call) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while waiting to retry asking the schema registry to " + call.purpose, e);
    }
  }

  /** A schema version under a subject. */
  public record SchemaVersion(String subject, int version, int id, Schema schema) {}

  /** One request, with what it is for in words, for error messages. */
  private record Call(String method, String path, String body, String purpose) {}

  /** A failure worth retrying: the URL could not be reached, timed out, or answered 5xx. */
  private static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int errorCode;

    Unavailable(String message, int status, int errorCode, Throwable cause) {
      super(message, cause);
      this.status = status;
      this.errorCode = errorCode;
    }
  }
}
