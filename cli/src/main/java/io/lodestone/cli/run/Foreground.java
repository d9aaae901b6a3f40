package io.lodestone.cli.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a long-lived app on the main thread until it ends. On SIGTERM or Ctrl-C the app is asked to stop
 * and the JVM waits (up to 30 s) for it to finish cleanly: commit, leave its group, write its status.
 */
final class Foreground {
  private Foreground() {}

  /** The app's work, which returns once {@code stop} was called (or it failed). */
  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  static void run(Body body, Runnable stop) throws Exception {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.run();
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      body.run();
    } finally {
      finished.countDown();
    }
  }
}
