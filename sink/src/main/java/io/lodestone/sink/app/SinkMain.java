package io.lodestone.sink.app;

import io.lodestone.core.config.ConfigSources;
import io.lodestone.sink.SinkConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sink as a process of its own: {@code java -cp ... io.lodestone.sink.app.SinkMain [sink.properties]}.
 * Options come from the properties file, then LODESTONE_* environment variables. SIGTERM (or Ctrl-C) stops
 * it after the requests in flight; whatever was not acknowledged is indexed again at the next start.
 */
public final class SinkMain {
  private SinkMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 1) {
      System.err.println("usage: SinkMain [sink.properties]");
      System.exit(2);
    }
    Path properties = args.length == 1 ? Path.of(args[0]) : null;
    SinkApp app = new SinkApp(new SinkConfig(ConfigSources.resolve(SinkConfig.CONFIG, properties, System.getenv(), Map.of())));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sink-shutdown"));
    int exitCode = 0;
    try (app) {
      app.run();
    } catch (RuntimeException e) {
      System.err.println("sink stopped: " + e.getMessage());
      exitCode = 1;
    } finally {
      stopped.countDown();
    }
    if (exitCode != 0) {
      // Only after the latch: System.exit runs the shutdown hook, which waits for it.
      System.exit(exitCode);
    }
  }
}
