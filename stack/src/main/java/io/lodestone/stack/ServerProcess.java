package io.lodestone.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local server run as a child process: prepared (configuration, data directories), started with its
 * output in a log file, probed for readiness, and stopped with its whole process tree. Started
 * {@code detached} (for {@code ./lodestone up}) it runs in a session of its own, so it outlives the
 * command and a Ctrl-C in the terminal; otherwise it is stopped when this JVM exits.
 */
public abstract class ServerProcess {
  /** How much of a log's end is read to show its last lines: logs can be large. */
  private static final int TAIL_BYTES = 64 * 1024;
  private final String name;
  private final Path logFile;
  private ProcessHandle handle;

  protected ServerProcess(String name, Path logFile) {
    this.name = name;
    this.logFile = logFile;
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return logFile;
  }

  /**
   * Where the process's standard output and error go: its log file, unless the process writes its log itself
   * (and rolls it over, which a redirected stream cannot follow).
   */
  public Path outputFile() {
    return logFile;
  }

  /** The main port clients use. */
  public abstract int port();

  /** Every port the server binds, with the environment variable that moves it. */
  protected abstract Map<Integer, String> boundPorts();

  /** Writes configuration and data directories; runs before every start. */
  protected abstract void prepare() throws IOException;

  /** The command line that starts the server. */
  protected abstract List<String> command();

  /** Extra environment variables of the server process. */
  protected Map<String, String> environment() {
    return Map.of();
  }

  /** Directory the server runs in. */
  protected abstract Path workingDirectory();

  /** Whether the server answers its health check now. */
  public abstract boolean isReady();

  /** Starts the server; throws a one-sentence {@link StackException} when it cannot. */
  public ProcessHandle start(boolean detached) {
    for (Map.Entry<Integer, String> port : boundPorts().entrySet()) {
      Ports.requireFree(port.getKey(), name, port.getValue());
    }
    try {
      prepare();
      Files.createDirectories(logFile.getParent());
    } catch (IOException e) {
      throw new StackException("cannot prepare " + name + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>();
    if (detached && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.addAll(command());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workingDirectory().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment());
    try {
      handle = builder.start().toHandle();
    } catch (IOException e) {
      throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
    }
    if (!detached) {
      ProcessHandle started = handle;
      java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> stopTree(started, Duration.ofSeconds(10))));
    }
    return handle;
  }

  /** Waits until the server is ready, or fails with the end of its log when it exits or times out. */
  public void awaitReady(Duration timeout) {
    awaitReadyOf(handle, timeout);
  }

  /** Waits until the server run by {@code process} is ready. */
  public void awaitReadyOf(ProcessHandle process, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new StackException(name + " exited during start-up; " + endsOf(logFile, outputFile()));
      }
      if (isReady()) {
        return;
      }
      sleep(250);
    }
    throw new StackException(name + " was not ready after " + timeout.toSeconds() + " s; see " + logFile);
  }

  /** The process started by this object, if any. */
  public Optional<ProcessHandle> handle() {
    return Optional.ofNullable(handle);
  }

  /** Stops the process this object started. */
  public void stop(Duration grace) {
    if (handle != null) {
      stopTree(handle, grace);
      handle = null;
    }
  }

  /** Stops the server and starts it again with the same ports and data; waits until it is ready. */
  public void restart(Duration grace, Duration readyTimeout) {
    stop(grace);
    start(false);
    awaitReady(readyTimeout);
  }

  /** Kills the server at once (SIGKILL to its whole process tree), as a crash would. */
  public void kill() {
    if (handle != null) {
      handle.descendants().forEach(ProcessHandle::destroyForcibly);
      handle.destroyForcibly();
      handle.onExit().join();
      handle = null;
    }
  }

  /**
   * Stops a process and its descendants: SIGTERM to all, then SIGKILL to what still runs after the
   * grace period. Returns whether anything had to be killed.
   */
  public static boolean stopTree(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    root.descendants().forEach(tree::add);
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    boolean killed = false;
    Instant deadline = Instant.now().plus(grace);
    for (ProcessHandle process : tree) {
      long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      try {
        process.onExit().get(left, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
        killed = true;
      }
    }
    return killed;
  }

  /** The last lines of the log, and of the output file when it is another file and holds anything. */
  private static String endsOf(Path log, Path output) {
    String ends = "its log " + log + " ends with:" + System.lineSeparator() + tail(log, 15);
    if (!output.equals(log) && output.toFile().length() > 0) {
      ends += System.lineSeparator() + "and its output " + output + " with:" + System.lineSeparator() + tail(output, 15);
    }
    return ends;
  }

  /** The last lines of a file (from its last {@link #TAIL_BYTES} bytes). */
  public static String tail(Path file, int lines) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long from = Math.max(0, in.length() - TAIL_BYTES);
      byte[] end = new byte[(int) (in.length() - from)];
      in.seek(from);
      in.readFully(end);
      List<String> all = List.of(new String(end, StandardCharsets.UTF_8).split("\\R"));
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while waiting for a server", e);
    }
  }
}
