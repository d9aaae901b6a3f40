package io.lodestone.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.ImportSummary;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.file.FileImporter;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroSerde;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison inputs: broken records on the raw topic go to the dead-letter topic with a reason and the
 * pipeline keeps running; bad lines in a file are rejected with a reason; odd but valid reports
 * (HTML with scripts, dates in the year 3000 or 1900) are indexed.
 */
@ExtendWith(TestStackExtension.class)
class PoisonInputsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void brokenRecordsAreDeadLetteredAndBadLinesRejectedWhileTheRestFlows(TestStack stack, @TempDir Path dir) throws Exception {
    try (ScenarioPipeline pipeline = ScenarioPipeline.on(stack, "fault-poison")) {
      pipeline.startStreamsAndSink();
      Set<String> poisonKeys = publishBrokenRecords(pipeline, stack);

      Path file = dir.resolve("poison.jsonl");
      List<NewsReport> good = pipeline.reports(3);
      List<ObjectNode> valid = writePoisonFile(file, good);
      IngestConfig config = new IngestConfig(pipeline.config());
      ImportSummary summary;
      try (ReportPublisher publisher = new ReportPublisher(config)) {
        summary = new FileImporter(new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES)), publisher, 1,
            config.getInt(IngestConfig.MAX_REPORT_BYTES)).importFile(file);
      }
      assertThat(summary.rejected()).extracting(ImportSummary.Rejection::line).containsExactlyInAnyOrder(1L, 2L, 3L);
      assertThat(summary.rejected()).allSatisfy(r -> assertThat(r.reasons()).isNotEmpty());
      assertThat(summary.published()).isEqualTo(6);

      Set<String> ids = new HashSet<>(poisonKeys);
      JsonReportParser parser = new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES));
      valid.forEach(json -> ids.add(parser.parse(json, IngestChannel.FILE, Instant.now()).report().getId()));
      ScenarioPipeline.Outcome outcome = pipeline.awaitSettled(ids, Duration.ofMinutes(3));
      Accounting.assertEveryReportAccountedOnce(pipeline, outcome, ids);
      assertThat(outcome.deadLettered().keySet()).containsAll(poisonKeys);
      assertThat(outcome.searchable()).hasSize(6);

      ElasticsearchClient es = ElasticsearchClients.create(List.of(stack.elasticsearchUrl()));
      JsonNode html = es.search(s -> s.index(pipeline.index()).query(q -> q.match(m -> m.field("title").query("scripted"))),
          JsonNode.class).hits().hits().get(0).source();
      assertThat(html.get("body").asText()).contains("Smelter output rose").doesNotContain("<script").doesNotContain("stealCookies");
      es._transport().close();
    }
  }

  /** Records no serde can read: no magic byte, an unknown schema id, truncated Avro. */
  private static Set<String> publishBrokenRecords(ScenarioPipeline pipeline, TestStack stack) throws Exception {
    NewsReport valid = ScenarioPipeline.reports("fault-poison-valid", 1).get(0);
    AvroSerde<NewsReport> serde = AvroSerde.specific(NewsReport.class, new SchemaRegistryClient(stack.registryUrl()));
    serde.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
    byte[] encoded = serde.serializer().serialize(pipeline.topic("raw"), valid);
    byte[] unknownId = encoded.clone();
    unknownId[1] = 0x7f;
    Map<String, byte[]> broken = Map.of(
        "poison-no-magic-byte", "{\"title\":\"not avro\"}".getBytes(StandardCharsets.UTF_8),
        "poison-unknown-schema-id", unknownId,
        "poison-truncated-avro", Arrays.copyOf(encoded, encoded.length / 2));
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        stack.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (var record : broken.entrySet()) {
        producer.send(new ProducerRecord<>(pipeline.topic("raw"), record.getKey().getBytes(StandardCharsets.UTF_8), record.getValue())).get();
      }
    }
    return broken.keySet();
  }

  /**
   * Lines 1-3 are rejected (a 10 MB body, invalid UTF-8, empty title and body); lines 4-9 are valid:
   * three plain reports, HTML with a script, and reports dated in the years 3000 and 1900.
   */
  private static List<ObjectNode> writePoisonFile(Path file, List<NewsReport> good) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ObjectNode> valid = new ArrayList<>();
    line(out, report("https://poison.example/huge", "Huge", "x".repeat(10 * 1024 * 1024), null));
    out.write("{\"title\": \"bad \u00ff bytes\", \"body\": \"".getBytes(StandardCharsets.UTF_8));
    out.write(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff});
    out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    line(out, report("https://poison.example/empty", "", " ", null));
    for (NewsReport report : good) {
      valid.add(report(report.getUrl(), report.getTitle(), report.getBody(), null));
    }
    valid.add(report("https://poison.example/html", "Scripted smelter page",
        "<html><head><script>function stealCookies(){}</script><style>p{}</style></head><body><p>Smelter output rose "
            + "in Antofagasta.</p><script>stealCookies()</script></body></html>", null));
    valid.add(report("https://poison.example/future", "Copper from the future", "Copper output rose in Chile.", "3000-01-01T00:00:00Z"));
    valid.add(report("https://poison.example/past", "Copper from the past", "Tin output fell in Bolivia.", "1900-01-01T00:00:00Z"));
    for (ObjectNode json : valid) {
      line(out, json);
    }
    Files.write(file, out.toByteArray());
    return valid;
  }

  private static ObjectNode report(String url, String title, String body, String publishedAt) {
    ObjectNode report = JSON.createObjectNode().put("url", url).put("title", title).put("body", body).put("source", "Poison Wire");
    if (publishedAt != null) {
      report.put("published_at", publishedAt);
    }
    return report;
  }

  private static void line(ByteArrayOutputStream out, ObjectNode json) throws Exception {
    out.write(JSON.writeValueAsBytes(json));
    out.write('\n');
  }
}
