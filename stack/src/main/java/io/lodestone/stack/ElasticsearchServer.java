package io.lodestone.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Elasticsearch's minimal distribution as a single node on 127.0.0.1, security off. Elasticsearch
 * refuses to run as root, so as root its node directory is handed to an unprivileged user (uid 65534)
 * and the server started through {@code setpriv}; every directory on the way must let that user in.
 */
public final class ElasticsearchServer extends ServerProcess {
  public static final String PORT_ENV = "LODESTONE_ES_PORT";
  public static final String TRANSPORT_PORT_ENV = "LODESTONE_ES_TRANSPORT_PORT";
  static final int UNPRIVILEGED_UID = 65534;

  private final StackLayout layout;
  private final Path node;
  private final int port;
  private final int transportPort;
  private final String heap;

  /** @param node directory for this node's config copy, data, logs and tmp */
  public ElasticsearchServer(StackLayout layout, Path node, int port, int transportPort, String heap) {
    super("elasticsearch", layout.logs().resolve("elasticsearch.log"));
    this.layout = layout;
    this.node = node.toAbsolutePath().normalize();
    this.port = port;
    this.transportPort = transportPort;
    this.heap = heap;
  }

  @Override
  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  protected Map<Integer, String> boundPorts() {
    return Map.of(port, PORT_ENV, transportPort, TRANSPORT_PORT_ENV);
  }

  @Override
  protected Path workingDirectory() {
    return node;
  }

  @Override
  protected void prepare() throws IOException {
    Path dist = layout.elasticsearchDist();
    if (!Files.isDirectory(dist.resolve("lib"))) {
      throw new StackException("Elasticsearch is not fetched yet (" + dist + " is missing); run ./lodestone up, which fetches it");
    }
    for (String dir : List.of("data", "logs", "tmp")) {
      Files.createDirectories(node.resolve(dir));
    }
    Path config = node.resolve("config");
    if (!Files.isDirectory(config)) {
      Trees.copy(dist.resolve("config"), config);
    }
    Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
        "# Written by Lodestone at every start.",
        "cluster.name: lodestone",
        "node.name: lodestone-1",
        "path.data: " + node.resolve("data"),
        "path.logs: " + node.resolve("logs"),
        "network.host: 127.0.0.1",
        "http.port: " + port,
        "transport.port: " + transportPort,
        "discovery.type: single-node",
        // Without this, 8.x auto-configures TLS and enrollment, which the local stack does not want.
        "xpack.security.enabled: false",
        // A nearly full disk on a developer machine should not turn indices read-only.
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "action.destructive_requires_name: false",
        ""));
    if (isRoot()) {
      requireTraversable(dist);
      requireTraversable(node);
      chownTree(node);
    }
  }

  @Override
  protected List<String> command() {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_UID, "--regid=" + UNPRIVILEGED_UID, "--clear-groups"));
    }
    command.add(layout.elasticsearchDist().resolve("bin/elasticsearch").toString());
    return command;
  }

  @Override
  protected Map<String, String> environment() {
    return Map.of(
        "ES_JAVA_HOME", JavaRuntimes.current().home().toString(),
        "ES_PATH_CONF", node.resolve("config").toString(),
        "ES_TMPDIR", node.resolve("tmp").toString(),
        "ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap + " -Dlodestone.server=elasticsearch");
  }

  @Override
  public boolean isReady() {
    String health = Http.get(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
    return health != null && !health.contains("\"status\":\"red\"") && !health.contains("\"timed_out\":true");
  }

  static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Every directory from / to dir must be enterable by others, or the unprivileged server cannot start. */
  private static void requireTraversable(Path dir) throws IOException {
    Path blocked = firstUntraversable(dir);
    if (blocked != null) {
      throw new StackException("Elasticsearch runs as uid " + UNPRIVILEGED_UID + " (it refuses root), which cannot enter "
          + blocked + "; move the checkout (or LODESTONE_HOME) out of it, or chmod o+x " + blocked);
    }
  }

  /** The first directory on the path to {@code dir} that others may not enter, or null if there is none. */
  public static Path firstUntraversable(Path dir) throws IOException {
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return p;
      }
    }
    return null;
  }

  /** Whether Elasticsearch must be started as the unprivileged user: only when this process is root. */
  public static boolean needsUnprivilegedUser() {
    return isRoot();
  }

  private static void chownTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.setAttribute(path, "unix:uid", UNPRIVILEGED_UID, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", UNPRIVILEGED_UID, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      }
    }
  }
}
