package io.lodestone.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Resolves the raw values of a {@link ConfigDef} from its layered sources, lowest precedence first:
 * the defaults declared in the definition, an optional properties file, environment variables
 * ({@code LODESTONE_} followed by the key upper-cased with dots and dashes as underscores, so
 * {@code bootstrap.servers} is {@code LODESTONE_BOOTSTRAP_SERVERS}), then explicit overrides such as
 * command-line options. The result is handed to an {@code AbstractConfig}, which parses and validates it.
 * Kafka client settings Lodestone does not define pass through as {@code LODESTONE_KAFKA_} followed by the
 * client key with dots as underscores ({@code LODESTONE_KAFKA_SECURITY_PROTOCOL=SSL} is
 * {@code security.protocol}, {@code LODESTONE_KAFKA_MAIN_CONSUMER_SESSION_TIMEOUT_MS} is Kafka Streams'
 * {@code main.consumer.session.timeout.ms}); Kafka's keys contain no underscores, so this is unambiguous.
 */
public final class ConfigSources {
  public static final String ENV_PREFIX = "LODESTONE_";
  public static final String KAFKA_ENV_PREFIX = "LODESTONE_KAFKA_";

  private ConfigSources() {}

  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Values for every key of {@code def} found in the file, the environment or the overrides. */
  public static Map<String, Object> resolve(
      ConfigDef def, Path propertiesFile, Map<String, String> env, Map<String, ?> overrides) {
    Map<String, Object> values = new HashMap<>();
    if (propertiesFile != null) {
      Properties file = load(propertiesFile);
      for (String name : file.stringPropertyNames()) {
        values.put(name, file.getProperty(name));
      }
    }
    env.forEach((name, value) -> {
      if (name.startsWith(KAFKA_ENV_PREFIX)) {
        values.put(name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    for (String key : def.names()) {
      String fromEnv = env.get(envName(key));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    values.putAll(overrides);
    return values;
  }

  /** Values from the process environment and the given overrides, without a file. */
  public static Map<String, Object> fromEnvironment(ConfigDef def, Map<String, ?> overrides) {
    return resolve(def, null, System.getenv(), overrides);
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
    return properties;
  }
}
