package io.lodestone.bench.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testkit.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a bench run's streams phase leaves on a real broker and on disk is removed, and nothing else. */
class RunCleanupIT {
  @Test
  void removesTheRunsTopicsGroupsAndStateButNoOtherRunsOrTheAppsOwn(@TempDir Path tmp) throws Exception {
    String bootstrap = TestStack.get().bootstrapServers();
    String run = "lodestone.bench.bclean1";
    List<String> runTopics = List.of(run + ".raw", run + ".passthrough", run + "-lodestone-dedup-repartition");
    // another run whose id continues this one's, and an app topic: neither belongs to the run
    List<String> otherTopics = List.of(run + "0.raw", "lodestone.cleanup-test.raw");
    Path stateDir = Files.createDirectories(tmp.resolve(run + "-lodestone/1_0/rocksdb"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(Stream.concat(runTopics.stream(), otherTopics.stream())
          .map(name -> new NewTopic(name, 1, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
      // a group exists once it has committed offsets, as each topology's group has
      for (String group : List.of(run + "-passthrough", run + "-lodestone", run + "0-lodestone")) {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(run + ".raw", 0), new OffsetAndMetadata(0)))
            .all().get(30, TimeUnit.SECONDS);
      }

      // the third application id never formed a group, as when the phase fails before its topology runs
      String line = RunCleanup.remove(bootstrap, run, List.of(run + "-passthrough", run + "-lodestone", run + "-never"),
          false, List.of(tmp.resolve(run + "-lodestone")), Duration.ofSeconds(30));

      assertThat(line).isEqualTo("removed this run's 3 topics, 2 consumer groups and 1 state directories");
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(topics).containsAll(otherTopics).doesNotContainAnyElementsOf(runTopics);
      assertThat(admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS))
          .extracting(group -> group.groupId()).contains(run + "0-lodestone")
          .doesNotContain(run + "-passthrough", run + "-lodestone");
      assertThat(stateDir).doesNotExist();
      assertThat(tmp.resolve(run + "-lodestone")).doesNotExist();
    }
  }

  @Test
  void saysWhatItCouldNotRemoveInsteadOfThrowing() {
    String line = RunCleanup.remove("127.0.0.1:1", "lodestone.bench.bunreachable", List.of("g"), false, List.of(),
        Duration.ofSeconds(2));

    assertThat(line).startsWith("could not remove its topics lodestone.bench.bunreachable* and groups g (")
        .endsWith("); they can be deleted by hand");
  }
}
