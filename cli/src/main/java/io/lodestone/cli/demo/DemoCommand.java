package io.lodestone.cli.demo;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import io.lodestone.cli.ingest.IngestCommand;
import io.lodestone.cli.stack.UpCommand;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.TopicScan;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.ImportSummary;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroDeserializer;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.sink.es.IndexReadiness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lodestone demo}: the whole pipeline on the local stack. Starts it, ingests the bundled samples,
 * waits until every sample report is accounted for (searchable, judged a duplicate of a searchable one,
 * or dead-lettered with a reason), then prints what each stage did.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start the local stack and apps, ingest the bundled samples (deploy/samples/*.jsonl), wait until every "
        + "report is searchable (or accounted for as a duplicate or dead letter), and print a summary.")
public final class DemoCommand implements Callable<Integer> {
  private static final String ALIAS = "lodestone-reports";

  @Option(names = "--timeout", defaultValue = "PT3M", description = "Longest wait for the reports to be searchable (ISO-8601 duration, default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Workspace workspace = Workspace.current();
    UpCommand.up(workspace, true);
    List<Path> samples = sampleFiles(workspace.repository().resolve("deploy/samples"));
    IngestConfig config = IngestConfig.fromEnvironment(workspace.connectionOverrides());
    System.out.println();
    List<ImportSummary> summaries = IngestCommand.importAll(config, samples);
    Set<String> ids = sampleIds(samples, config);

    ElasticsearchClient es = ElasticsearchClients.create(List.of(workspace.elasticsearchUrl()));
    try {
      Accounting accounting = awaitAccounted(workspace, config, es, ids);
      printSummary(workspace, config, summaries, ids, accounting, es);
    } finally {
      es._transport().close();
    }
    return 0;
  }

  private static List<Path> sampleFiles(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> jsonl = Files.newDirectoryStream(dir, "*.jsonl")) {
      jsonl.forEach(files::add);
    }
    if (files.isEmpty()) {
      throw new UserException("no sample files (*.jsonl) in " + dir);
    }
    files.sort(null);
    return files;
  }

  /** Ids of the valid sample reports, computed as the producer does. */
  private static Set<String> sampleIds(List<Path> files, IngestConfig config) throws IOException {
    JsonReportParser parser = new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES));
    Set<String> ids = new LinkedHashSet<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonReportParser.Parsed parsed = parser.parse(line, IngestChannel.FILE, Instant.now());
        if (parsed.ok()) {
          ids.add(parsed.report().getId());
        }
      }
    }
    return ids;
  }

  /** Where each sample report ended up. */
  record Accounting(Set<String> searchable, Map<String, String> duplicates, Map<String, String> deadLetters) {
    int accounted(Set<String> ids) {
      Set<String> done = new HashSet<>(searchable);
      duplicates.forEach((id, canonical) -> {
        if (searchable.contains(canonical)) {
          done.add(id);
        }
      });
      done.addAll(deadLetters.keySet());
      done.retainAll(ids);
      return done.size();
    }
  }

  private Accounting awaitAccounted(Workspace workspace, IngestConfig config, ElasticsearchClient es, Set<String> ids)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Accounting accounting = null;
    int last = -1;
    while (Instant.now().isBefore(deadline)) {
      accounting = new Accounting(searchable(es, ids), duplicates(config, ids), deadLetters(config, ids));
      int done = accounting.accounted(ids);
      if (done != last) {
        System.out.printf("Waiting for the pipeline: %d of %d reports accounted for%n", done, ids.size());
        last = done;
      }
      if (done == ids.size()) {
        return accounting;
      }
      Thread.sleep(1000);
    }
    throw new UserException("only " + (accounting == null ? 0 : accounting.accounted(ids)) + " of " + ids.size()
        + " reports were accounted for after " + timeout.toSeconds() + " s; see ./lodestone status and the logs in "
        + workspace.layout().logs());
  }

  private static Set<String> searchable(ElasticsearchClient es, Set<String> ids) throws IOException {
    Set<String> found = new HashSet<>();
    try {
      es.indices().refresh(r -> r.index(ALIAS));
      es.search(s -> s.index(ALIAS).size(ids.size()).source(src -> src.fetch(false))
          .query(q -> q.ids(i -> i.values(new ArrayList<>(ids)))), Void.class)
          .hits().hits().forEach(hit -> found.add(hit.id()));
    } catch (ElasticsearchException | IOException e) {
      // no index yet, or its shard not started yet: the next round asks again; any other answer is a failure
      if (!IndexReadiness.notSearchableYet(e)) {
        throw e;
      }
    }
    return found;
  }

  private static Map<String, String> duplicates(IngestConfig config, Set<String> ids) {
    Map<String, String> duplicates = new java.util.HashMap<>();
    AvroDeserializer<DuplicateNotice> deserializer = deserializer(config, DuplicateNotice.class);
    TopicScan.scan(config.getString(CommonOptions.BOOTSTRAP_SERVERS), config.getString(CommonOptions.TOPIC_DUPLICATES), record -> {
      DuplicateNotice notice = deserializer.deserialize(record.topic(), record.value());
      if (notice != null && ids.contains(notice.getReportId())) {
        duplicates.put(notice.getReportId(), notice.getDuplicateOf());
      }
    });
    return duplicates;
  }

  private static Map<String, String> deadLetters(IngestConfig config, Set<String> ids) {
    Map<String, String> letters = new java.util.HashMap<>();
    AvroDeserializer<DeadLetter> deserializer = deserializer(config, DeadLetter.class);
    TopicScan.scan(config.getString(CommonOptions.BOOTSTRAP_SERVERS), config.getString(CommonOptions.TOPIC_DEAD_LETTER), record -> {
      DeadLetter letter = deserializer.deserialize(record.topic(), record.value());
      if (letter != null && letter.getReportId() != null && ids.contains(letter.getReportId())) {
        letters.put(letter.getReportId(), letter.getStage() + ": " + letter.getErrorMessage());
      }
    });
    return letters;
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> AvroDeserializer<T> deserializer(IngestConfig config, Class<T> type) {
    String url = config.getString(CommonOptions.SCHEMA_REGISTRY_URL);
    AvroDeserializer<T> deserializer = new AvroDeserializer<>(new SchemaRegistryClient(url), type);
    deserializer.configure(Map.of("schema.registry.url", url), false);
    return deserializer;
  }

  private static long countKeys(IngestConfig config, String topicKey, Set<String> ids) {
    long[] count = {0};
    TopicScan.scan(config.getString(CommonOptions.BOOTSTRAP_SERVERS), config.getString(topicKey), record -> {
      if (record.key() != null && ids.contains(new String(record.key(), StandardCharsets.UTF_8))) {
        count[0]++;
      }
    });
    return count[0];
  }

  private static void printSummary(Workspace workspace, IngestConfig config, List<ImportSummary> summaries, Set<String> ids,
      Accounting accounting, ElasticsearchClient es) throws IOException {
    long read = summaries.stream().mapToLong(ImportSummary::read).sum();
    long published = summaries.stream().mapToLong(ImportSummary::published).sum();
    long rejected = summaries.stream().mapToLong(s -> s.rejected().size() + s.failed().size()).sum();
    long inAlias = es.count(c -> c.index(ALIAS)).count();
    System.out.println();
    System.out.println("Demo summary");
    System.out.printf("  reports in:        %d lines read, %d published, %d rejected, %d distinct report ids%n", read, published, rejected, ids.size());
    System.out.printf("  raw topic:         %d records of these reports (%s)%n", countKeys(config, CommonOptions.TOPIC_RAW, ids), config.getString(CommonOptions.TOPIC_RAW));
    System.out.printf("  enriched topic:    %d records (%s)%n", countKeys(config, CommonOptions.TOPIC_ENRICHED, ids), config.getString(CommonOptions.TOPIC_ENRICHED));
    System.out.printf("  duplicates:        %d reports judged copies of an earlier one (%s)%n", accounting.duplicates().size(), config.getString(CommonOptions.TOPIC_DUPLICATES));
    System.out.printf("  dead letters:      %d (%s)%n", accounting.deadLetters().size(), config.getString(CommonOptions.TOPIC_DEAD_LETTER));
    System.out.printf("  indexed:           %d of these reports searchable; %d documents in alias %s%n", accounting.searchable().size(), inAlias, ALIAS);
    accounting.deadLetters().forEach((id, reason) -> System.out.println("    dead letter " + id + ": " + reason));
    System.out.println();
    System.out.println("Next:");
    System.out.println("  ./lodestone search \"rare earth magnets\"   search the indexed reports");
    System.out.println("  ./lodestone status                      servers and apps, with pids, ports and health");
    System.out.println("  ./lodestone ingest FILE.jsonl           publish your own reports");
    System.out.println("  curl '" + workspace.elasticsearchUrl() + "/" + ALIAS + "/_search?q=lithium&pretty'");
    System.out.println("  ./lodestone down                        stop everything (data stays in " + workspace.layout().home() + ")");
  }
}
