package io.lodestone.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.schemas.NewsReport;
import io.lodestone.stack.ElasticsearchServer;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Elasticsearch stopped for 30 s in the middle of a run, then restarted: nothing lost, nothing twice, no dead letters. */
@ExtendWith(TestStackExtension.class)
class ElasticsearchOutageIT {

  @Test
  void reportsPublishedDuringAnOutageAreIndexedOnceAfterIt(TestStack stack) throws Exception {
    ElasticsearchServer elasticsearch = stack.elasticsearch();
    try (ScenarioPipeline pipeline = ScenarioPipeline.on(stack, "fault-es")) {
      pipeline.startStreamsAndSink();
      List<NewsReport> reports = pipeline.reports(400);

      Set<String> ids = pipeline.publish(reports, Duration.ofSeconds(20), () -> {
        elasticsearch.stop(Duration.ofSeconds(20));
        ScenarioPipeline.sleep(30_000);
        elasticsearch.start(false);
        elasticsearch.awaitReady(Duration.ofMinutes(3));
      });

      ScenarioPipeline.Outcome outcome = pipeline.awaitSettled(ids, Duration.ofMinutes(3));
      Accounting.assertEveryReportAccountedOnce(pipeline, outcome, ids);
      assertThat(outcome.deadLettered()).as("dead letters\n" + pipeline.logs()).isEmpty();
    }
  }
}
