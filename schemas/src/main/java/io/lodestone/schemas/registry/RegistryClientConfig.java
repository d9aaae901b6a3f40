package io.lodestone.schemas.registry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * Options of the schema-registry client, under Confluent's own key names so that the same properties
 * configure this client and Confluent's.
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

  public static final ConfigDef CONFIG = new ConfigDef()
      .define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
          "Registry base URL(s), comma-separated; the next is tried when one cannot be reached. "
              + "For Apicurio use its Confluent API, e.g. http://127.0.0.1:8081/apis/ccompat/v7.")
      .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "USER_INFO",
          ConfigDef.ValidString.in("USER_INFO", "URL", "NONE"), Importance.MEDIUM,
          "Where basic-auth credentials come from: USER_INFO (basic.auth.user.info), URL (user:pass@ in the URL) or NONE.")
      .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
          "Basic-auth credentials as user:password.")
      .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, "STATIC_TOKEN", Importance.LOW,
          "Where the bearer token comes from: STATIC_TOKEN (bearer.auth.token).")
      .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
          "Bearer token sent as Authorization: Bearer <token>.")
      .define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Connect timeout of registry requests.")
      .define(READ_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Timeout of a whole registry request.")
      .define(MAX_RETRIES, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Retries after a connection error or a 5xx answer.")
      .define(RETRIES_WAIT_MS, Type.INT, 200, ConfigDef.Range.atLeast(0), Importance.LOW,
          "First wait before a retry; doubled after each.")
      .define(RETRIES_MAX_WAIT_MS, Type.INT, 5_000, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Longest wait between retries.");

  public RegistryClientConfig(Map<?, ?> originals) {
    super(CONFIG, originals, false);
  }

  public static RegistryClientConfig forUrl(String url) {
    return new RegistryClientConfig(Map.of(SCHEMA_REGISTRY_URL, url));
  }

  public List<String> urls() {
    return getList(SCHEMA_REGISTRY_URL).stream()
        .flatMap(url -> Arrays.stream(url.split(",")))
        .map(String::trim).filter(url -> !url.isEmpty())
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .toList();
  }

  /** The Authorization header value, or null when no credentials are configured. */
  public String authorizationHeader() {
    Password token = getPassword(BEARER_AUTH_TOKEN);
    if (token != null && !token.value().isEmpty()) {
      return "Bearer " + token.value();
    }
    String userInfo = switch (getString(BASIC_AUTH_CREDENTIALS_SOURCE)) {
      case "USER_INFO" -> getPassword(BASIC_AUTH_USER_INFO) == null ? null : getPassword(BASIC_AUTH_USER_INFO).value();
      case "URL" -> urls().isEmpty() ? null : java.net.URI.create(urls().get(0)).getRawUserInfo();
      default -> null;
    };
    if (userInfo == null || userInfo.isEmpty()) {
      return null;
    }
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
}
