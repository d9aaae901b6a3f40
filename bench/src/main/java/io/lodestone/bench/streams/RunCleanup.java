package io.lodestone.bench.streams;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.utils.Utils;

/**
 * Removes what the streams phase of a bench run leaves behind once it is measured, as the ceiling phase
 * removes its indices: the run's topics (those it publishes to, and both topologies' output and internal
 * topics, all named after the run), the consumer groups of its application ids, and their state directories.
 * Without this, every run would leave eight topics and two groups on the local broker and its RocksDB
 * state in the temporary directory. A step that fails is reported, not thrown: the figures are measured by
 * then, and what is left is named so that it can be deleted by hand.
 */
final class RunCleanup {
  private RunCleanup() {}

  /**
   * @param run the prefix of the run's topic names and application ids; a topic belongs to the run when its
   *     name continues the prefix with '.' or '-'
   * @param streamsGroups whether the groups use the broker-side streams protocol (KIP-1071) rather than the
   *     classic one, which decides how they are deleted
   * @param timeout how long each request to the broker may take
   * @return a line for the user saying what was removed, or what was not and why
   */
  static String remove(String bootstrap, String run, List<String> applicationIds, boolean streamsGroups,
      List<Path> stateDirs, Duration timeout) {
    List<String> problems = new ArrayList<>();
    String onTheBroker = "its topics " + run + "* and groups " + String.join(", ", applicationIds);
    int topics = 0;
    int groups = 0;
    int millis = (int) timeout.toMillis();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis))) {
      List<String> names = admin.listTopics().names().get().stream()
          .filter(name -> name.startsWith(run + ".") || name.startsWith(run + "-")).toList();
      admin.deleteTopics(names).all().get();
      topics = names.size();
      Map<String, KafkaFuture<Void>> deletions = streamsGroups ? admin.deleteStreamsGroups(applicationIds).deletedGroups()
          : admin.deleteConsumerGroups(applicationIds).deletedGroups();
      for (KafkaFuture<Void> deletion : deletions.values()) {
        try {
          deletion.get();
          groups++;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof GroupIdNotFoundException)) {
            throw e; // a group that never formed (the phase failed before its topology ran) is nothing to remove
          }
        }
      }
    } catch (ExecutionException e) {
      problems.add(onTheBroker + " (" + e.getCause().getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add(onTheBroker + " (interrupted)");
    }
    for (Path dir : stateDirs) {
      try {
        Utils.delete(dir.toFile());
      } catch (IOException e) {
        problems.add("its state directory " + dir + " (" + e.getMessage() + ")");
      }
    }
    if (!problems.isEmpty()) {
      return "could not remove " + String.join(" and ", problems) + "; they can be deleted by hand";
    }
    return "removed this run's " + topics + " topics, " + groups + " consumer groups and "
        + stateDirs.size() + " state directories";
  }
}
