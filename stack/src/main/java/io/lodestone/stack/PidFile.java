package io.lodestone.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code ./lodestone up} started: pid, start time (so that a recycled pid is never mistaken for
 * ours) and port, in {@code run/<name>.pid}.
 */
public record PidFile(String name, long pid, Instant started, int port) {

  public static Path path(StackLayout layout, String name) {
    return layout.run().resolve(name + ".pid");
  }

  public static PidFile of(String name, ProcessHandle process, int port) {
    Instant started = process.info().startInstant().orElse(Instant.EPOCH);
    return new PidFile(name, process.pid(), started, port);
  }

  public void write(StackLayout layout) {
    Properties properties = new Properties();
    properties.setProperty("pid", Long.toString(pid));
    properties.setProperty("started", started.toString());
    properties.setProperty("port", Integer.toString(port));
    try {
      Files.createDirectories(layout.run());
      try (Writer out = Files.newBufferedWriter(path(layout, name))) {
        properties.store(out, name + " started by ./lodestone");
      }
    } catch (IOException e) {
      throw new StackException("cannot write " + path(layout, name) + ": " + e.getMessage(), e);
    }
  }

  public static Optional<PidFile> read(StackLayout layout, String name) {
    Path path = path(layout, name);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(path)) {
      properties.load(in);
      return Optional.of(new PidFile(name, Long.parseLong(properties.getProperty("pid")),
          Instant.parse(properties.getProperty("started")), Integer.parseInt(properties.getProperty("port", "-1"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public static void delete(StackLayout layout, String name) {
    try {
      Files.deleteIfExists(path(layout, name));
    } catch (IOException e) {
      throw new StackException("cannot delete " + path(layout, name) + ": " + e.getMessage(), e);
    }
  }

  /** The process, if it is still the one that was started (same pid and start time). */
  public Optional<ProcessHandle> process() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().startInstant().map(s -> Math.abs(s.toEpochMilli() - started.toEpochMilli()) < 2000)
            .orElse(false));
  }
}
