package io.lodestone.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds Java runtimes on this machine, e.g. a Java 21+ for Apicurio Registry 3. */
public final class JavaRuntimes {
  /** Where Debian (and most Linux distributions) install JDKs side by side. */
  private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

  private JavaRuntimes() {}

  /** A Java installation: its home and feature version. */
  public record Runtime(Path home, int version) {
    public Path java() {
      return home.resolve("bin").resolve("java");
    }
  }

  /** The runtime running this JVM. */
  public static Runtime current() {
    return new Runtime(Path.of(System.getProperty("java.home")), java.lang.Runtime.version().feature());
  }

  /**
   * The newest runtime of at least {@code minVersion}: the one named by {@code overrideHome} if given
   * (and then only it), else this JVM's, JAVA_HOME's or one under /usr/lib/jvm.
   */
  public static Optional<Runtime> atLeast(int minVersion, String overrideHome) {
    if (overrideHome != null && !overrideHome.isBlank()) {
      Runtime runtime = inspect(Path.of(overrideHome))
          .orElseThrow(() -> new StackException(overrideHome + " is not a Java installation (no bin/java)"));
      return runtime.version() >= minVersion ? Optional.of(runtime) : Optional.empty();
    }
    List<Runtime> candidates = new ArrayList<>();
    candidates.add(current());
    Optional.ofNullable(System.getenv("JAVA_HOME")).flatMap(home -> inspect(Path.of(home))).ifPresent(candidates::add);
    if (Files.isDirectory(JVM_DIR)) {
      try (Stream<Path> homes = Files.list(JVM_DIR)) {
        homes.map(JavaRuntimes::inspect).flatMap(Optional::stream).forEach(candidates::add);
      } catch (IOException e) {
        // an unreadable directory just offers no candidates
      }
    }
    return candidates.stream().filter(r -> r.version() >= minVersion).max(Comparator.comparingInt(Runtime::version));
  }

  /** Reads the version from the installation's {@code release} file. */
  static Optional<Runtime> inspect(Path home) {
    if (!Files.isExecutable(home.resolve("bin/java"))) {
      return Optional.empty();
    }
    Properties release = new Properties();
    try (var in = Files.newInputStream(home.resolve("release"))) {
      release.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
    try {
      String major = version.startsWith("1.") ? version.split("\\.")[1] : version.split("[.+-]")[0];
      return Optional.of(new Runtime(home.toRealPath(), Integer.parseInt(major)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
