package io.lodestone.schemas.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Options of the schema-registry client, under Confluent's own key names, so that the same
 * properties configure this client and Confluent's. TLS needs no option: https URLs are verified
 * against the JVM's default trust store ({@code javax.net.ssl.trustStore}).
 */
public final class RegistryClientConfig extends AbstractConfig {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

  private static final String USER_INFO = "USER_INFO";
  private static final String URL = "URL";

  public static final ConfigDef CONFIG = new ConfigDef()
      .define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
          "Registry base URL(s), comma-separated; the next is tried when one cannot be reached. "
              + "For Apicurio use its Confluent API, e.g. http://127.0.0.1:8081/apis/ccompat/v7.")
      .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, URL,
          ConfigDef.ValidString.in(USER_INFO, URL), Importance.MEDIUM,
          "Where basic-auth credentials come from: URL (user:password@ in schema.registry.url, Confluent's default) "
              + "or USER_INFO (basic.auth.user.info).")
      .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
          "Basic-auth credentials as user:password, read when basic.auth.credentials.source=USER_INFO.")
      .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, "STATIC_TOKEN",
          ConfigDef.ValidString.in("STATIC_TOKEN"), Importance.LOW,
          "Where the bearer token comes from: STATIC_TOKEN (bearer.auth.token), the only source supported.")
      .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
          "Bearer token sent as Authorization: Bearer <token>; exclusive with basic auth.")
      .define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Timeout of a connection to the registry.")
      .define(READ_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Timeout of the registry's answer to one request.")
      .define(MAX_RETRIES, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Retries after a connection error, a timeout or a 5xx answer.")
      .define(RETRIES_WAIT_MS, Type.INT, 200, ConfigDef.Range.atLeast(0), Importance.LOW,
          "First wait before a retry; doubled after each.")
      .define(RETRIES_MAX_WAIT_MS, Type.INT, 5_000, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Longest wait between retries.");

  private final List<URI> urls;
  private final String authorization;

  public RegistryClientConfig(Map<?, ?> originals) {
    super(CONFIG, originals, false);
    this.urls = getList(SCHEMA_REGISTRY_URL).stream().filter(url -> !url.isBlank()).map(RegistryClientConfig::url).toList();
    if (urls.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " names no URL");
    }
    this.authorization = authorization();
  }

  public static RegistryClientConfig forUrl(String url) {
    return new RegistryClientConfig(Map.of(SCHEMA_REGISTRY_URL, url));
  }

  /** The registry base URLs, without a trailing slash. */
  public List<URI> urls() {
    return urls;
  }

  /** The Authorization header value, or null when no credentials are configured. */
  public String authorizationHeader() {
    return authorization;
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(getInt(CONNECT_TIMEOUT_MS));
  }

  public Duration readTimeout() {
    return Duration.ofMillis(getInt(READ_TIMEOUT_MS));
  }

  public int maxRetries() {
    return getInt(MAX_RETRIES);
  }

  public long retryWaitMs() {
    return getInt(RETRIES_WAIT_MS);
  }

  public long retryMaxWaitMs() {
    return getInt(RETRIES_MAX_WAIT_MS);
  }

  private static URI url(String text) {
    URI uri;
    try {
      uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, text, "not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, text, "not an http or https URL");
    }
    return uri;
  }

  /**
   * Confluent's client ignores basic.auth.user.info unless the source is USER_INFO, and lets a bearer
   * token silently win over basic credentials; both hide a misconfiguration until the registry answers
   * 401, so both are refused here.
   */
  private String authorization() {
    Password userInfo = getPassword(BASIC_AUTH_USER_INFO);
    boolean userInfoSet = userInfo != null && !userInfo.value().isEmpty();
    String basic = switch (getString(BASIC_AUTH_CREDENTIALS_SOURCE)) {
      case USER_INFO -> userInfoSet ? userInfo.value() : null;
      default -> {
        if (userInfoSet) {
          throw new ConfigException(BASIC_AUTH_USER_INFO + " is set but " + BASIC_AUTH_CREDENTIALS_SOURCE
              + " is URL, so it would be ignored; set " + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO");
        }
        yield urls.get(0).getUserInfo();
      }
    };
    Password token = getPassword(BEARER_AUTH_TOKEN);
    boolean bearer = token != null && !token.value().isEmpty();
    if (bearer && basic != null) {
      throw new ConfigException("both basic-auth credentials and " + BEARER_AUTH_TOKEN
          + " are set; configure one way of authenticating to the schema registry");
    }
    if (bearer) {
      return "Bearer " + token.value();
    }
    return basic == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
  }
}
