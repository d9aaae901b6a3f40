package io.lodestone.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local default stack that {@code ./lodestone up} runs: Kafka, the schema registry and
 * Elasticsearch on 127.0.0.1, each port overridable by an environment variable. Keeps track of what it
 * started in pid files, so that {@code up} is idempotent and {@code down} stops exactly those processes.
 */
public final class LocalStack {
  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
  public static final int DEFAULT_REGISTRY_PORT = 8081;
  public static final int DEFAULT_REGISTRY_MANAGEMENT_PORT = 9000;
  public static final int DEFAULT_ES_PORT = 9200;
  public static final int DEFAULT_ES_TRANSPORT_PORT = 9300;
  public static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  public static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final StackLayout layout;
  private final KafkaServer kafka;
  private final RegistryServer registry;
  private final ElasticsearchServer elasticsearch;

  public LocalStack(StackLayout layout, Map<String, String> env) {
    this.layout = layout;
    this.kafka = new KafkaServer(layout, port(env, KafkaServer.PORT_ENV, DEFAULT_KAFKA_PORT),
        port(env, KafkaServer.CONTROLLER_PORT_ENV, DEFAULT_KAFKA_CONTROLLER_PORT), "512m");
    this.registry = new RegistryServer(layout, port(env, RegistryServer.PORT_ENV, DEFAULT_REGISTRY_PORT),
        port(env, RegistryServer.MANAGEMENT_PORT_ENV, DEFAULT_REGISTRY_MANAGEMENT_PORT), true, "512m",
        env.get(RegistryServer.JAVA_HOME_ENV));
    this.elasticsearch = new ElasticsearchServer(layout, layout.data("elasticsearch"),
        port(env, ElasticsearchServer.PORT_ENV, DEFAULT_ES_PORT),
        port(env, ElasticsearchServer.TRANSPORT_PORT_ENV, DEFAULT_ES_TRANSPORT_PORT), "512m");
  }

  public StackLayout layout() {
    return layout;
  }

  public KafkaServer kafka() {
    return kafka;
  }

  public RegistryServer registry() {
    return registry;
  }

  public ElasticsearchServer elasticsearch() {
    return elasticsearch;
  }

  public List<ServerProcess> servers() {
    return List.of(kafka, registry, elasticsearch);
  }

  /** What a process is doing now, for {@code ./lodestone status}. */
  public record Status(String name, Optional<Long> pid, int port, String health) {}

  /**
   * Starts the process unless the one recorded for it still runs, then waits until it is ready.
   * Returns a line for the user.
   */
  public String ensureRunning(ServerProcess process) {
    Optional<ProcessHandle> running = PidFile.read(layout, process.name()).flatMap(PidFile::process);
    if (running.isPresent()) {
      process.awaitReadyOf(running.get(), START_TIMEOUT);
      return String.format("%-14s already running (pid %d, port %s)", process.name(), running.get().pid(), portText(process.port()));
    }
    ProcessHandle started = process.start(true);
    PidFile.of(process.name(), started, process.port()).write(layout);
    process.awaitReady(START_TIMEOUT);
    return String.format("%-14s started (pid %d, port %s, log %s)", process.name(), started.pid(),
        portText(process.port()), shown(process.logFile()));
  }

  /** A path as the user can open it from here: relative under the working directory, else absolute. */
  private static Path shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
  }

  /** Stops the recorded process, if it still runs; returns a line for the user, or empty if nothing was recorded. */
  public Optional<String> stop(String name) {
    Optional<PidFile> recorded = PidFile.read(layout, name);
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    Optional<ProcessHandle> running = recorded.get().process();
    PidFile.delete(layout, name);
    if (running.isEmpty()) {
      return Optional.of(String.format("%-14s was not running", name));
    }
    boolean killed = ServerProcess.stopTree(running.get(), STOP_GRACE);
    return Optional.of(String.format("%-14s stopped (pid %d%s)", name, running.get().pid(), killed ? ", killed after "
        + STOP_GRACE.toSeconds() + " s" : ""));
  }

  public Status status(ServerProcess process) {
    Optional<ProcessHandle> running = PidFile.read(layout, process.name()).flatMap(PidFile::process);
    String health;
    if (running.isPresent()) {
      health = process.isReady() ? "healthy" : "not ready";
    } else {
      health = process.port() > 0 && Ports.isListening(process.port()) ? "port taken by another process" : "stopped";
    }
    return new Status(process.name(), running.map(ProcessHandle::pid), process.port(), health);
  }

  private static String portText(int port) {
    return port < 0 ? "-" : Integer.toString(port);
  }

  private static int port(Map<String, String> env, String variable, int defaultPort) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new StackException(variable + "=" + value + " is not a port number (1-65535)");
    }
  }
}
