package io.lodestone.stack;

import io.lodestone.core.status.AppStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of Lodestone's own apps (streams, sink, ...) run from the lodestone jar as a background process.
 * It is ready when its heartbeat file says RUNNING.
 */
public final class AppProcess extends ServerProcess {
  private final StackLayout layout;
  private final Path jar;
  private final List<String> args;
  private final int port;
  private final Map<String, String> env;
  private final String heap;

  /**
   * @param args arguments of the lodestone command that runs the app in the foreground
   * @param port the app's listening port, or -1 when it has none
   * @param heap the app's Java heap, committed from the start (-Xms and -Xmx), as the servers' are: left to
   *     grow, G1 keeps a heap near the live set, and in the sink, whose live set is mostly bulk bodies of up to
   *     5 MB (humongous objects in 1 MB regions), every few bodies started another concurrent marking cycle
   */
  public AppProcess(String name, StackLayout layout, Path jar, List<String> args, int port, String heap,
      Map<String, String> env) {
    super(name, layout.logs().resolve(name + ".log"));
    this.layout = layout;
    this.jar = jar;
    this.args = args;
    this.port = port;
    this.heap = heap;
    this.env = env;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  protected Map<Integer, String> boundPorts() {
    return port < 0 ? Map.of() : Map.of(port, "LODESTONE_" + name().toUpperCase().replace('-', '_') + "_PORT");
  }

  @Override
  protected void prepare() {
    if (!jar.toFile().isFile()) {
      throw new StackException("the lodestone jar " + jar + " is missing; build it with mvn -DskipTests package");
    }
  }

  /** The app writes its log itself (rolled over by size, cli's log4j2.xml); only what bypasses it comes here. */
  @Override
  public Path outputFile() {
    return layout.logs().resolve(name() + ".out");
  }

  @Override
  protected List<String> command() {
    List<String> command = new ArrayList<>(List.of(JavaRuntimes.current().java().toString(), "-Xms" + heap, "-Xmx" + heap,
        "-Dlodestone.app=" + name(), "-Dlodestone.log.file=" + logFile().toAbsolutePath(), "-jar", jar.toString()));
    command.addAll(args);
    return command;
  }

  @Override
  protected Map<String, String> environment() {
    return env;
  }

  @Override
  protected Path workingDirectory() {
    return layout.home().getParent();
  }

  @Override
  public boolean isReady() {
    return AppStatus.read(layout.run(), name()).map(s -> s.isHealthy(Instant.now())).orElse(false);
  }
}
