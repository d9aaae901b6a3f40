package io.lodestone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testkit.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * A test JVM that used the test stack's broker exits with status 0. Each module's tests run in such a JVM, and
 * the stack closes its broker in a shutdown hook as that JVM ends; surefire fails a module whose test JVM exits
 * otherwise, even when all of its tests passed. The broker once kept its data where the Kafka test kit puts it by
 * default, a temporary directory that another shutdown hook (Kafka's own) deletes at the same time, and a broker
 * whose log directory fails halts the JVM with status 1: five of six such JVMs did, after deleting topics as this
 * one does.
 */
class TestStackShutdownIT {

  @Test
  void aJvmThatDeletedTopicsOnTheStacksBrokerExitsWithStatusZero() throws Exception {
    Path log = Files.createDirectories(Path.of("target")).resolve("test-stack-shutdown-child.log");
    Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"),
        "-Dlodestone.home=" + System.getProperty("lodestone.home"),
        Child.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();

    try {
      assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("child JVM ended within 3 minutes").isTrue();
    } finally {
      child.destroyForcibly(); // a child that hangs must not outlive the test run (a no-op once it has ended)
    }
    assertThat(child.exitValue()).as("exit status of the child JVM; its output is in %s:%n%s", log, tail(log)).isZero();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Creates and deletes a few topics on the stack's broker, then ends the JVM as a test JVM ends. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().bootstrapServers()))) {
        List<NewTopic> topics = IntStream.range(0, 6).mapToObj(i -> new NewTopic("shutdown-" + i, 3, (short) 1)).toList();
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        admin.deleteTopics(topics.stream().map(NewTopic::name).toList()).all().get(30, TimeUnit.SECONDS);
      }
      System.exit(0);
    }
  }
}
