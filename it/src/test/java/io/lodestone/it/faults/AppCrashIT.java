package io.lodestone.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.schemas.NewsReport;
import io.lodestone.stack.AppProcess;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Apps killed with SIGKILL mid-run: exactly-once in Kafka, nothing lost or twice in Elasticsearch. */
@ExtendWith(TestStackExtension.class)
class AppCrashIT {

  @Test
  void streamsKilledAndRestartedProducesEachEnrichedRecordOnce(TestStack stack) throws Exception {
    try (ScenarioPipeline pipeline = ScenarioPipeline.on(stack, "fault-streams-kill")) {
      AppProcess[] streams = {pipeline.start("streams", "streams")};
      pipeline.start("sink", "sink");
      List<NewsReport> reports = pipeline.reports(400);

      Set<String> ids = pipeline.publish(reports, Duration.ofSeconds(20), () -> {
        streams[0].kill();
        streams[0] = pipeline.start("streams", "streams");
      });

      Accounting.assertEveryReportAccountedOnce(pipeline, pipeline.awaitSettled(ids, Duration.ofMinutes(3)), ids);
      Map<String, Long> perKey = pipeline.readAll(pipeline.topic("enriched")).stream()
          .collect(Collectors.groupingBy(r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.counting()));
      assertThat(perKey.keySet()).containsAll(ids);
      assertThat(perKey.values()).as("enriched records per report under read_committed").allMatch(count -> count == 1);
    }
  }

  @Test
  void secondStreamsInstanceTakesOverWhenTheFirstIsKilled(TestStack stack) throws Exception {
    try (ScenarioPipeline pipeline = ScenarioPipeline.on(stack, "fault-streams-failover")
        // A killed member's partitions move once its session times out; keep that short for the test.
        .with("kafka.main.consumer.session.timeout.ms", "10000")) {
      AppProcess first = pipeline.start("streams", "streams-a");
      pipeline.start("streams", "streams-b");
      pipeline.start("sink", "sink");
      List<NewsReport> reports = pipeline.reports(400);

      Set<String> ids = pipeline.publish(reports, Duration.ofSeconds(20), first::kill);

      Accounting.assertEveryReportAccountedOnce(pipeline, pipeline.awaitSettled(ids, Duration.ofMinutes(3)), ids);
    }
  }

  @Test
  void sinkKilledMidBatchAndRestartedLosesAndDuplicatesNothing(TestStack stack) throws Exception {
    try (ScenarioPipeline pipeline = ScenarioPipeline.on(stack, "fault-sink-kill")) {
      pipeline.start("streams", "streams");
      AppProcess[] sink = {pipeline.start("sink", "sink")};
      List<NewsReport> reports = pipeline.reports(400);

      Set<String> ids = pipeline.publish(reports, Duration.ofSeconds(20), () -> {
        sink[0].kill();
        sink[0] = pipeline.start("sink", "sink");
      });

      ScenarioPipeline.Outcome outcome = pipeline.awaitSettled(ids, Duration.ofMinutes(3));
      Accounting.assertEveryReportAccountedOnce(pipeline, outcome, ids);
      assertThat(outcome.deadLettered()).isEmpty();
      assertThat(outcome.searchable().keySet()).containsAll(ids.stream().collect(Collectors.toSet()));
      assertThat(outcome.searchable().values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
          .containsOnlyKeys(1);
    }
  }
}
