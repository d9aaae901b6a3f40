package io.lodestone.cli;

import io.lodestone.alerts.AlertsConfig;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.config.ConfigSources;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.feed.FeedsApp;
import io.lodestone.producers.http.ApiApp;
import io.lodestone.sink.SinkConfig;
import io.lodestone.stack.AppProcess;
import io.lodestone.stack.LocalStack;
import io.lodestone.stack.StackLayout;
import io.lodestone.streams.StreamsAppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where this checkout keeps its local stack ({@code LODESTONE_HOME}, default {@code .lodestone} in the
 * repository), and how commands and apps reach its servers: by default the local stack's ports, unless
 * {@code LODESTONE_BOOTSTRAP_SERVERS}, {@code LODESTONE_SCHEMA_REGISTRY_URL} or
 * {@code LODESTONE_ELASTICSEARCH_URLS} point elsewhere.
 */
public final class Workspace {
  public static final String HOME_ENV = "LODESTONE_HOME";
  /** Java heap of the streams app under {@code ./lodestone up}: its dedup index grows with the reports it remembers. */
  public static final String STREAMS_HEAP_ENV = "LODESTONE_STREAMS_HEAP";
  static final String DEFAULT_STREAMS_HEAP = "1536m";
  private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");
  /** The theme taxonomy in the repository (also bundled in the jar as the default). */
  static final String TAXONOMY_FILE = "streams/src/main/resources/io/lodestone/streams/classify/taxonomy.yaml";

  private final Path repository;
  private final StackLayout layout;
  private final LocalStack stack;
  private final Map<String, String> env;

  private Workspace(Path repository, Path home, Map<String, String> env) {
    this.repository = repository;
    this.layout = new StackLayout(home);
    this.stack = new LocalStack(layout, env);
    this.env = env;
  }

  public static Workspace current() {
    Map<String, String> env = System.getenv();
    Path repository = Path.of(System.getProperty("lodestone.repo", ".")).toAbsolutePath().normalize();
    String home = env.get(HOME_ENV);
    return new Workspace(repository, home == null || home.isBlank() ? repository.resolve(".lodestone") : Path.of(home), env);
  }

  public Path repository() {
    return repository;
  }

  public StackLayout layout() {
    return layout;
  }

  public LocalStack stack() {
    return stack;
  }

  /** The runnable jar this command runs from (apps are started from the same jar). */
  public Path jar() {
    try {
      return Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Connection settings of the local stack, for the keys the environment does not set. */
  public Map<String, Object> connectionOverrides() {
    Map<String, Object> overrides = new HashMap<>();
    putUnlessSet(overrides, CommonOptions.BOOTSTRAP_SERVERS, stack.kafka().bootstrapServers());
    putUnlessSet(overrides, CommonOptions.SCHEMA_REGISTRY_URL, stack.registry().url());
    putUnlessSet(overrides, SinkConfig.ELASTICSEARCH_URLS, stack.elasticsearch().url());
    return overrides;
  }

  /**
   * Connection settings plus the producers' local defaults: the feeds file of this checkout and the API
   * token of this stack, for the keys the environment does not set.
   */
  public Map<String, Object> producerOverrides() {
    Map<String, Object> overrides = connectionOverrides();
    putUnlessSet(overrides, IngestConfig.FEEDS_FILE, repository.resolve("deploy/feeds.yaml").toString());
    if (!env.containsKey(ConfigSources.envName(IngestConfig.API_TOKEN))) {
      overrides.put(IngestConfig.API_TOKEN, apiToken());
    }
    return overrides;
  }

  /** The HTTP API's bearer token kept in {@code LODESTONE_HOME/api.token} (owner-only), created on first use. */
  public String apiToken() {
    Path file = layout.home().resolve("api.token");
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(layout.home());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Path tmp = Files.createTempFile(layout.home(), "api.token", ".tmp");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(tmp, HexFormat.of().formatHex(random) + System.lineSeparator());
        Files.move(tmp, file);
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the API token " + file + ": " + e.getMessage(), e);
    }
  }

  public String elasticsearchUrl() {
    String fromEnv = env.get(ConfigSources.envName(SinkConfig.ELASTICSEARCH_URLS));
    return fromEnv == null || fromEnv.isBlank() ? stack.elasticsearch().url() : fromEnv.split(",")[0].strip();
  }

  private void putUnlessSet(Map<String, Object> overrides, String key, String value) {
    if (!env.containsKey(ConfigSources.envName(key))) {
      overrides.put(key, value);
    }
  }

  /** Lodestone's own apps, as {@code ./lodestone up} runs them. */
  public List<AppProcess> apps() {
    Map<String, String> appEnv = new HashMap<>();
    producerOverrides().forEach((key, value) -> appEnv.put(ConfigSources.envName(key), value.toString()));
    appEnv.put(ConfigSources.envName(StreamsAppConfig.STATUS_DIR), layout.run().toString());
    appEnv.put(ConfigSources.envName(StreamsAppConfig.STATE_DIR), layout.data("streams").toString());
    // The streams app classifies with the repository's taxonomy file, so that an analyst's edit applies at the
    // next restart of the app, without a rebuild.
    Path taxonomy = repository.resolve(TAXONOMY_FILE);
    if (!env.containsKey(ConfigSources.envName(StreamsAppConfig.TAXONOMY_FILE)) && Files.isRegularFile(taxonomy)) {
      appEnv.put(ConfigSources.envName(StreamsAppConfig.TAXONOMY_FILE), taxonomy.toString());
    }
    return List.of(
        new AppProcess("streams", layout, jar(), List.of("streams"), -1, streamsHeap(), appEnv),
        new AppProcess("sink", layout, jar(), List.of("sink"), -1, "512m", appEnv),
        new AppProcess("alerts", layout, jar(), List.of("alerts", "run"), -1, "512m", alertsEnv(appEnv)),
        new AppProcess(FeedsApp.APP_NAME, layout, jar(), List.of("feeds"), -1, "384m", appEnv),
        new AppProcess(ApiApp.APP_NAME, layout, jar(), List.of("api"), apiPort(), "512m", appEnv));
  }

  /** The alerts app's own state directory, and the repository's rules and subscriptions unless set elsewhere. */
  private Map<String, String> alertsEnv(Map<String, String> appEnv) {
    Map<String, String> alertsEnv = new HashMap<>(appEnv);
    alertsEnv.put(ConfigSources.envName(AlertsConfig.STATE_DIR), layout.data("alerts").toString());
    Map.of(AlertsConfig.RULES_FILE, "deploy/alerts/rules.yaml", AlertsConfig.WEBHOOK_SUBSCRIPTIONS_FILE,
        "deploy/alerts/webhooks.yaml").forEach((key, file) -> {
          if (!env.containsKey(ConfigSources.envName(key))) {
            alertsEnv.put(ConfigSources.envName(key), repository.resolve(file).toString());
          }
        });
    return alertsEnv;
  }

  /** The streams app's heap (-Xms and -Xmx): {@code LODESTONE_STREAMS_HEAP}, default 1536m. */
  String streamsHeap() {
    String value = env.getOrDefault(STREAMS_HEAP_ENV, "").strip();
    if (value.isEmpty()) {
      return DEFAULT_STREAMS_HEAP;
    }
    if (!HEAP_SIZE.matcher(value).matches()) {
      throw new UserException(STREAMS_HEAP_ENV + "=" + value + " is not a heap size such as 1536m or 4g");
    }
    return value;
  }

  /** The HTTP API's port: {@code LODESTONE_API_PORT}, default 8080. */
  public int apiPort() {
    String value = env.get(ConfigSources.envName(IngestConfig.API_PORT));
    if (value == null || value.isBlank()) {
      return ((Number) IngestConfig.CONFIG.defaultValues().get(IngestConfig.API_PORT)).intValue();
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new UserException(ConfigSources.envName(IngestConfig.API_PORT) + "=" + value + " is not a port number");
    }
  }

  /** Whether the server distributions are unpacked under {@code dist/}. */
  public boolean hasDistributions() {
    return layout.hasDistributions() && Files.isDirectory(layout.dist());
  }
}
