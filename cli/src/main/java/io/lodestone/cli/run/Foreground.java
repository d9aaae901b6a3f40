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

  /** Waits until the app stopped; true when it stopped because it failed. */
  @FunctionalInterface
  interface Termination {
    boolean await() throws InterruptedException;
  }

  /**
   * Starts an app that runs on its own threads (a Kafka Streams topology), waits until it stops or fails,
   * then closes it; returns the exit status: 1 when it failed.
   */
  static int runUntilStopped(AutoCloseable app, Runnable start, Termination termination, Runnable stop) throws Exception {
    boolean[] failed = {false};
    run(() -> {
      try (app) {
        start.run();
        failed[0] = termination.await();
      }
    }, stop);
    return failed[0] ? 1 : 0;
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
