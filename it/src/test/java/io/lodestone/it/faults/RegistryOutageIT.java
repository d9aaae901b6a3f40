package io.lodestone.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.NewsReport;
import io.lodestone.stack.RegistryServer;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The schema registry away: producers refuse to start with a clear error; running apps keep going on cached schemas. */
@ExtendWith(TestStackExtension.class)
class RegistryOutageIT {

  @Test
  void producerStartingWithoutRegistryFailsClearlyAndPublishesNothing(TestStack stack) {
    RegistryServer registry = stack.registry();
    try (ScenarioPipeline pipeline = ScenarioPipeline.on(stack, "fault-registry-start")) {
      registry.stop(Duration.ofSeconds(10));
      try {
        assertThatThrownBy(() -> new ReportPublisher(new IngestConfig(pipeline.config())).close())
            .hasMessageContaining("schema registry");
      } finally {
        registry.start(false);
        registry.awaitReady(Duration.ofMinutes(2));
      }
      assertThat(pipeline.readAll(pipeline.topic("raw"))).isEmpty();
    }
  }

  @Test
  void runningPipelineKeepsWorkingOnCachedSchemasWhileTheRegistryIsDown(TestStack stack) throws Exception {
    RegistryServer registry = stack.registry();
    try (ScenarioPipeline pipeline = ScenarioPipeline.on(stack, "fault-registry-midrun")) {
      pipeline.startStreamsAndSink();
      List<NewsReport> warmUp = ScenarioPipeline.reports("fault-registry-warm", 20);
      Set<String> warmIds = pipeline.publish(warmUp, Duration.ofSeconds(2), () -> { });
      Accounting.assertEveryReportAccountedOnce(pipeline, pipeline.awaitSettled(warmIds, Duration.ofMinutes(2)), warmIds);

      try {
        // The publisher checks the registry as it starts; the registry goes away halfway through.
        List<NewsReport> reports = pipeline.reports(200);
        Set<String> ids = pipeline.publish(reports, Duration.ofSeconds(10), () -> registry.stop(Duration.ofSeconds(10)));
        ScenarioPipeline.Outcome outcome = pipeline.awaitSettled(ids, Duration.ofMinutes(3));
        Accounting.assertEveryReportAccountedOnce(pipeline, outcome, ids);
        assertThat(outcome.deadLettered()).isEmpty();
      } finally {
        registry.start(false);
        registry.awaitReady(Duration.ofMinutes(2));
      }
    }
  }
}
