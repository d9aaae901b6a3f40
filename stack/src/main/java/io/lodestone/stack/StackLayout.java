package io.lodestone.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the local stack lives: {@code dist/} (or another directory) holds the server distributions fetched by
 * {@code deploy/stack/pom.xml}, {@code data/<server>} their data, {@code logs/} their output and
 * {@code run/} the pid files of what {@code ./lodestone up} started.
 */
public record StackLayout(Path home, Path dist) {
  private static final Properties VERSIONS = loadVersions();

  public StackLayout {
    home = home.toAbsolutePath().normalize();
    dist = dist.toAbsolutePath().normalize();
  }

  /** The usual layout, distributions inside home. */
  public StackLayout(Path home) {
    this(home, home.resolve("dist"));
  }

  public static String version(String component) {
    return VERSIONS.getProperty(component);
  }

  public Path data(String server) {
    return home.resolve("data").resolve(server);
  }

  public Path logs() {
    return home.resolve("logs");
  }

  public Path run() {
    return home.resolve("run");
  }

  public Path kafkaLibs() {
    return dist().resolve("kafka-" + version("kafka")).resolve("libs");
  }

  public Path registryDist(String registryVersion) {
    return dist().resolve("apicurio-registry-" + registryVersion);
  }

  public Path elasticsearchDist() {
    return dist().resolve("elasticsearch-" + version("elasticsearch"));
  }

  /** Whether the distributions are unpacked (the registry fallback is checked separately). */
  public boolean hasDistributions() {
    return Files.isDirectory(kafkaLibs()) && Files.isRegularFile(registryDist(version("apicurio")).resolve("quarkus-run.jar"))
        && Files.isDirectory(elasticsearchDist().resolve("lib"));
  }

  private static Properties loadVersions() {
    Properties versions = new Properties();
    try (InputStream in = StackLayout.class.getResourceAsStream("versions.properties")) {
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions;
  }
}
