package io.lodestone.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry, which serves the Confluent Schema Registry API at {@code /apis/ccompat/v7}.
 * Version 3 needs Java 21+; where none exists, the 2.x fallback runs on Java 17. Global compatibility
 * is set to BACKWARD (Apicurio's default is NONE). With a data directory, schemas persist in an H2 file
 * database (ids must survive a restart, since records on Kafka refer to them); without, in memory.
 */
public final class RegistryServer extends ServerProcess {
  public static final String PORT_ENV = "LODESTONE_REGISTRY_PORT";
  public static final String MANAGEMENT_PORT_ENV = "LODESTONE_REGISTRY_MANAGEMENT_PORT";
  public static final String JAVA_HOME_ENV = "LODESTONE_REGISTRY_JAVA_HOME";
  public static final String CCOMPAT_PATH = "/apis/ccompat/v7";
  static final int MIN_JAVA_FOR_V3 = 21;

  private final StackLayout layout;
  private final int port;
  private final int managementPort;
  private final boolean persistent;
  private final String heap;
  private final JavaRuntimes.Runtime runtime;
  private final boolean fallback;

  /**
   * @param registryJavaHome a Java home to run the registry with (null: find a Java 21+, else fall back)
   */
  public RegistryServer(StackLayout layout, int port, int managementPort, boolean persistent, String heap,
      String registryJavaHome) {
    super("registry", layout.logs().resolve("registry.log"));
    this.layout = layout;
    this.port = port;
    this.managementPort = managementPort;
    this.persistent = persistent;
    this.heap = heap;
    var modern = JavaRuntimes.atLeast(MIN_JAVA_FOR_V3, registryJavaHome);
    this.fallback = modern.isEmpty();
    this.runtime = modern.orElseGet(() -> registryJavaHome == null || registryJavaHome.isBlank()
        ? JavaRuntimes.current()
        : JavaRuntimes.atLeast(17, registryJavaHome).orElseThrow(() -> new StackException(
            JAVA_HOME_ENV + "=" + registryJavaHome + " is older than Java 17, which even the registry fallback needs")));
  }

  /** The registry version this machine runs: 3.x on Java 21+, else the 2.x fallback. */
  public String version() {
    return StackLayout.version(fallback ? "apicurio.fallback" : "apicurio");
  }

  public boolean isFallback() {
    return fallback;
  }

  public JavaRuntimes.Runtime runtime() {
    return runtime;
  }

  @Override
  public int port() {
    return port;
  }

  /** The Confluent-compatible API base URL, the value of {@code schema.registry.url}. */
  public String url() {
    return "http://127.0.0.1:" + port + CCOMPAT_PATH;
  }

  @Override
  protected Map<Integer, String> boundPorts() {
    return fallback ? Map.of(port, PORT_ENV) : Map.of(port, PORT_ENV, managementPort, MANAGEMENT_PORT_ENV);
  }

  private Path dist() {
    return layout.registryDist(version());
  }

  @Override
  protected Path workingDirectory() {
    return dist();
  }

  @Override
  protected void prepare() throws IOException {
    if (!Files.isRegularFile(dist().resolve("quarkus-run.jar"))) {
      throw new StackException("Apicurio Registry " + version() + " is not fetched yet (" + dist() + " is missing)"
          + (fallback ? "; no Java 21+ was found, so the Java 17 fallback is needed: run mvn -f deploy/stack/pom.xml -Dregistry.fallback generate-resources"
              : "; run ./lodestone up, which fetches it"));
    }
    if (persistent) {
      Files.createDirectories(layout.data("registry"));
    }
  }

  @Override
  protected List<String> command() {
    // 2.x names its own settings registry.*, 3.x apicurio.*.
    String prefix = fallback ? "registry" : "apicurio";
    List<String> command = new ArrayList<>(List.of(runtime.java().toString(), "-Xms" + heap, "-Xmx" + heap,
        "-Dlodestone.server=registry",
        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
        "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
        "-D" + prefix + ".rules.global.compatibility=BACKWARD"));
    if (persistent) {
      command.add("-D" + prefix + ".datasource.url=jdbc:h2:file:" + layout.data("registry").resolve("registry"));
    }
    command.addAll(List.of("-jar", "quarkus-run.jar"));
    return command;
  }

  @Override
  public boolean isReady() {
    String health = Http.get("http://127.0.0.1:" + (fallback ? port : managementPort) + "/health/ready");
    return health != null && Http.get(url() + "/subjects") != null;
  }
}
