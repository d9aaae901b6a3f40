package io.lodestone.bench.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.bench.workload.ReportGenerator;
import io.lodestone.bench.workload.Workload;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.testkit.TestStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The bench's streams phase on a real broker and registry: both topologies run over every report (the phase
 * waits until all of their output is committed), a report published twice (a corpus may hold a URL twice) does
 * not keep it waiting for output that the Lodestone topology never writes, and the run leaves no topic behind.
 */
class StreamsVersusPassThroughIT {
  private static final String RUN = "bitstreams";

  @Test
  void bothTopologiesProcessEveryReportAndTheRunRemovesItsTopics() throws Exception {
    TestStack stack = TestStack.get();
    IngestConfig ingest = new IngestConfig(Map.of(CommonOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl()));
    List<NewsReport> reports = new ArrayList<>(reports(ingest, 200));
    reports.add(reports.get(0));
    List<String> lines = new ArrayList<>();

    StreamsVersusPassThrough.Rates rates = new StreamsVersusPassThrough(ingest, RUN, lines::add).measure(reports, Map::of);

    assertThat(rates.passThrough().rate()).isPositive();
    assertThat(rates.lodestone().rate()).isPositive();
    assertThat(lines).first().isEqualTo("201 reports published to lodestone.bench." + RUN + ".raw; pass-through topology running");
    assertThat(lines).last().asString().matches("removed this run's \\d+ topics, 2 consumer groups and 2 state directories");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).noneMatch(name -> name.startsWith("lodestone.bench." + RUN));
    }
  }

  /** Generated reports, all originals, as the bench parses them. */
  private static List<NewsReport> reports(IngestConfig ingest, int count) {
    JsonReportParser parser = new JsonReportParser(ingest.getInt(IngestConfig.MAX_REPORT_BYTES));
    return Workload.generated(new ReportGenerator.Settings(7, 3000, 0.5, 0.3, 0, 0, RUN), count).reports().stream()
        .map(json -> parser.parse(json, IngestChannel.FILE, Instant.now()).report()).toList();
  }
}
