package io.lodestone.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.Reports;
import io.lodestone.schemas.Source;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with clients nobody in Lodestone wrote: Confluent's Python SchemaRegistryClient and
 * Apache Avro's Python implementation, as Debian packages them, run by Debian's own interpreter (the
 * first python3 on PATH may be another, without them). Missing packages fail the test: never a skip.
 */
@ExtendWith(TestStackExtension.class)
class PythonInteropIT {
  private static final String PYTHON = "/usr/bin/python3";
  private static final String PACKAGES = "apt-get install -y python3-confluent-kafka python3-avro python3-requests";
  private static final Path SCRIPT = Path.of("src/test/python/registry_interop.py").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void requireDebiansPythonPackages() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      fail(PYTHON + " is missing; the interoperability tests need Debian's python3 and its packages: " + PACKAGES);
    }
    Process check = new ProcessBuilder(PYTHON, "-c", "import confluent_kafka.schema_registry, avro.io, requests")
        .redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (check.waitFor() != 0) {
      fail(PYTHON + " lacks packages the interoperability tests need (" + output.substring(output.lastIndexOf('\n') + 1)
          + "); install them with: " + PACKAGES);
    }
  }

  @Test
  void pythonFetchesTheSchemaJavaRegisteredAndDecodesWhatJavaSerialized(TestStack stack, @TempDir Path dir)
      throws Exception {
    String topic = "it.interop.java-" + UUID.randomUUID();
    EnrichedReport report = Reports.enrichedReport("java-1");
    byte[] payload = AvroSerde.specific(EnrichedReport.class, Map.of("schema.registry.url", stack.registryUrl()), false)
        .serializer().serialize(topic, report);
    Path file = Files.write(dir.resolve("payload.bin"), payload);

    JsonNode decoded = python("decode", stack.registryUrl(), file.toString());

    assertThat(decoded.get("schema_id").asInt()).isEqualTo(WireFormat.schemaId(topic, payload));
    assertThat(decoded.get("schema_type").asText()).isEqualTo("AVRO");
    JsonNode record = decoded.get("record");
    assertThat(record.at("/report/id").asText()).isEqualTo("java-1");
    assertThat(record.at("/report/channel").asText()).isEqualTo("FEED");
    assertThat(record.at("/report/published_at").asLong()).isEqualTo(report.getReport().getPublishedAt().toEpochMilli());
    assertThat(record.at("/entities/countries/0/code").asText()).isEqualTo("IN");
    assertThat(record.at("/entities/money/0/value").asDouble()).isEqualTo(7.28e10);
    assertThat(record.at("/themes/0/evidence/1").asText()).isEqualTo("neodymium and praseodymium");
    assertThat(record.at("/dedup/similarity").isNull()).isTrue();
    assertThat(record.at("/processing/processed_at").asLong()).isEqualTo(report.getProcessing().getProcessedAt().toEpochMilli());
    // Every field survived: Python's encoding of what it decoded is Java's, byte for byte.
    assertThat(decoded.get("reencoded").asText())
        .isEqualTo(HexFormat.of().formatHex(payload, WireFormat.HEADER_SIZE, payload.length));
  }

  @Test
  void javaReadsWhatPythonRegisteredAndEncoded(TestStack stack, @TempDir Path dir) throws Exception {
    String subject = "it.interop.python-" + UUID.randomUUID() + "-value";
    String record = """
        {"id": "py-1", "url": "https://py.example/1", "canonical_url": "https://py.example/1",
         "source": {"name": "Py Wire", "domain": "py.example", "feed_url": null},
         "title": "Lithium carbonate prices slide", "body": "Spot prices fell 4% on Tuesday.", "summary": null,
         "authors": ["P. Thon"], "language": "en", "published_at": 1768291200000, "fetched_at": 1768291260000,
         "channel": "HTTP", "content_type": "text/html", "tags": ["lithium", "prices"]}""";
    Path out = dir.resolve("payload.bin");

    int id = python("encode", stack.registryUrl(), subject, Path.of("src/main/avro/NewsReport.avsc").toAbsolutePath()
        .toString(), record, out.toString()).get("schema_id").asInt();
    byte[] payload = Files.readAllBytes(out);
    SchemaRegistryClient client = new SchemaRegistryClient(stack.registryUrl());

    assertThat(WireFormat.schemaId(subject, payload)).isEqualTo(id);
    assertThat(SchemaNormalization.parsingFingerprint64(client.schemaById(id)))
        .isEqualTo(SchemaNormalization.parsingFingerprint64(NewsReport.getClassSchema()));
    assertThat(new AvroDeserializer<>(client, NewsReport.class).deserialize("lodestone.reports.raw", payload))
        .isEqualTo(NewsReport.newBuilder()
            .setId("py-1").setUrl("https://py.example/1").setCanonicalUrl("https://py.example/1")
            .setSource(Source.newBuilder().setName("Py Wire").setDomain("py.example").build())
            .setTitle("Lithium carbonate prices slide").setBody("Spot prices fell 4% on Tuesday.")
            .setAuthors(List.of("P. Thon")).setLanguage("en")
            .setPublishedAt(Instant.parse("2026-01-13T08:00:00Z")).setFetchedAt(Instant.parse("2026-01-13T08:01:00Z"))
            .setChannel(IngestChannel.HTTP).setContentType("text/html").setTags(List.of("lithium", "prices"))
            .build());
    AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>();
    generic.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
    assertThat(generic.deserialize("lodestone.reports.raw", payload).get("title")).hasToString("Lithium carbonate prices slide");
  }

  private static JsonNode python(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    byte[] stdout = process.getInputStream().readAllBytes();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      fail(SCRIPT.getFileName() + " " + args[0] + " failed: " + stderr);
    }
    return JSON.readTree(stdout);
  }
}
