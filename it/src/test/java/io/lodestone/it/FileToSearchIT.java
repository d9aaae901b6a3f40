package io.lodestone.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.FileImporter;
import io.lodestone.producers.file.ImportSummary;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.sink.SinkConfig;
import io.lodestone.sink.app.SinkApp;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.app.StreamsApp;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A report ingested from a file is searchable in Elasticsearch with its fields intact. */
@ExtendWith(TestStackExtension.class)
class FileToSearchIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sampleReportsFlowFromFileThroughStreamsToElasticsearch(TestStack stack, @TempDir Path stateDir) throws Exception {
    Map<String, Object> common = Map.of(
        CommonOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl(),
        CommonOptions.TOPIC_RAW, "it.file.raw", CommonOptions.TOPIC_ENRICHED, "it.file.enriched",
        CommonOptions.TOPIC_DUPLICATES, "it.file.duplicates", CommonOptions.TOPIC_DEAD_LETTER, "it.file.deadletter");
    String prefix = "it-file-reports";

    IngestConfig ingest = new IngestConfig(common);
    ImportSummary summary;
    try (ReportPublisher publisher = new ReportPublisher(ingest)) {
      summary = new FileImporter(new JsonReportParser(ingest.getInt(IngestConfig.MAX_REPORT_BYTES)), publisher, 2,
          ingest.getInt(IngestConfig.MAX_REPORT_BYTES)).importFile(Samples.supplyChainNews());
    }
    // Line 22 is line 8 with a tracking parameter: same report id, so the importer sends it once.
    assertThat(summary.published()).isEqualTo(35);
    assertThat(summary.alreadySeen()).isEqualTo(1);
    assertThat(summary.isClean()).isTrue();

    Map<String, Object> streamsConfig = new java.util.HashMap<>(common);
    streamsConfig.put(StreamsAppConfig.APPLICATION_ID, "it-file-streams");
    streamsConfig.put(StreamsAppConfig.STATE_DIR, stateDir.toString());
    Map<String, Object> sinkConfig = new java.util.HashMap<>(common);
    sinkConfig.put(SinkConfig.ELASTICSEARCH_URLS, stack.elasticsearchUrl());
    sinkConfig.put(SinkConfig.INDEX_PREFIX, prefix);
    sinkConfig.put(SinkConfig.INDEX_ALIAS, prefix);
    sinkConfig.put(SinkConfig.GROUP_ID, "it-file-sink");

    try (StreamsApp streams = new StreamsApp(new StreamsAppConfig(streamsConfig));
         SinkApp sink = new SinkApp(new SinkConfig(sinkConfig))) {
      streams.start();
      Thread sinkThread = new Thread(sink::run, "it-sink");
      sinkThread.start();
      ElasticsearchClient es = ElasticsearchClients.create(List.of(stack.elasticsearchUrl()));

      // 36 lines: 22 is line 8's URL again (sent once), 12, 25 and 32 are exact copies, and 15, 29 and 36 light
      // rewrites (Jaccard 0.88-0.89 on word 5-shingles): 29 canonical reports (deploy/samples/README.md).
      awaitCount(es, prefix, 29, Duration.ofMinutes(2));

      JsonNode line1 = JSON.readTree(Files.readAllLines(Samples.supplyChainNews()).get(0));
      SearchResponse<JsonNode> hits = es.search(s -> s.index(prefix)
          .query(q -> q.match(m -> m.field("title").query(line1.get("title").asText()))), JsonNode.class);
      JsonNode doc = hits.hits().hits().get(0).source();
      assertThat(doc.get("title").asText()).isEqualTo(line1.get("title").asText());
      assertThat(doc.get("url").asText()).isEqualTo(line1.get("url").asText());
      assertThat(doc.path("source").path("name").asText()).isEqualTo(line1.get("source").asText());
      assertThat(Instant.ofEpochMilli(doc.get("published_at").asLong())).isEqualTo(Instant.parse(line1.get("published_at").asText()));
      // The normalizer keeps one paragraph per line; the words are the report's own.
      assertThat(collapse(doc.get("body").asText())).isEqualTo(collapse(line1.get("body").asText()));
      assertThat(doc.get("channel").asText()).isEqualTo("FILE");
      assertThat(sink.deadLetteredCount()).isZero();
      sink.stop();
      sinkThread.join(30_000);
    }
  }

  private static String collapse(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static void awaitCount(ElasticsearchClient es, String index, long expected, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    long count = -1;
    while (Instant.now().isBefore(deadline)) {
      try {
        es.indices().refresh(r -> r.index(index));
        count = es.count(c -> c.index(index)).count();
        if (count >= expected) {
          assertThat(count).isEqualTo(expected);
          return;
        }
      } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
        // the index does not exist until the first document arrives
      }
      Thread.sleep(500);
    }
    throw new AssertionError("expected " + expected + " documents in " + index + " within " + timeout + ", found " + count);
  }
}
