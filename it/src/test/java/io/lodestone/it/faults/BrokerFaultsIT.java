package io.lodestone.it.faults;

import io.lodestone.schemas.NewsReport;
import io.lodestone.stack.KafkaServer;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker restarted, and one broker of three lost: the pipeline resumes and accounts for every report. */
@ExtendWith(TestStackExtension.class)
class BrokerFaultsIT {

  @Test
  void brokerRestartedOnTheSameDataMidRun(TestStack stack) throws Exception {
    KafkaServer kafka = stack.kafkaProcess();
    try (ScenarioPipeline pipeline = new ScenarioPipeline("fault-broker-restart", kafka::bootstrapServers, stack.registryUrl(),
        stack.elasticsearchUrl())) {
      pipeline.startStreamsAndSink();
      List<NewsReport> reports = pipeline.reports(300);

      Set<String> ids = pipeline.publish(reports, Duration.ofSeconds(20),
          () -> kafka.restart(Duration.ofSeconds(30), Duration.ofMinutes(2)));

      Accounting.assertEveryReportAccountedOnce(pipeline, pipeline.awaitSettled(ids, Duration.ofMinutes(4)), ids);
    }
  }

  @Test
  void oneOfThreeReplicatedBrokersKilledMidRun(TestStack stack) throws Exception {
    try (KafkaClusterTestKit cluster = stack.startKafka(3);
         ScenarioPipeline pipeline = new ScenarioPipeline("fault-broker-loss", cluster::bootstrapServers, stack.registryUrl(),
             stack.elasticsearchUrl())
             .with("topic.replication.factor", "3")
             .with("kafka.producer.acks", "all")) {
      pipeline.startStreamsAndSink();
      List<NewsReport> reports = pipeline.reports(300);

      Set<String> ids = pipeline.publish(reports, Duration.ofSeconds(20), () -> cluster.brokers().get(2).shutdown());

      Accounting.assertEveryReportAccountedOnce(pipeline, pipeline.awaitSettled(ids, Duration.ofMinutes(4)), ids);
    }
  }
}
