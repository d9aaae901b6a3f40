package io.lodestone.cli.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lodestone.bench.measure.Figure;
import io.lodestone.bench.run.BenchRunner;
import io.lodestone.bench.run.BenchSettings;
import io.lodestone.bench.workload.ReportGenerator;
import io.lodestone.bench.workload.Workload;
import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import io.lodestone.cli.stack.UpCommand;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.stack.PidFile;
import io.lodestone.stack.ServerProcess;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.offline.OfflineTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone bench}: the end-to-end benchmark against the local stack. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark the running pipeline on the local stack (started if needed): the ceiling (a direct, tuned _bulk "
        + "loader), end-to-end throughput (producer -> streams -> sink -> searchable, at least --min-seconds) and its ratio to "
        + "the ceiling, the streams topology's rate against a pass-through topology, publish-to-searchable latency p50/p95/p99 at fixed "
        + "offered rates, and resident memory of each process.",
        "Prints one JSON object per figure and a table; writes target/bench/results.json."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--corpus", paramLabel = "FILE|DIR", description = "Publish this corpus (JSONL, or Reuters SGML file or directory) instead of generated reports.")
  Path corpus;

  @Option(names = "--min-seconds", defaultValue = "60", description = "Shortest end-to-end phase (default ${DEFAULT-VALUE}).")
  int minSeconds;

  @Option(names = "--rates", split = ",", defaultValue = "100,0", description = "Offered rates of the latency phases, reports/s; 0 means half the measured end-to-end capacity (default ${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(names = "--latency-seconds", defaultValue = "30", description = "Length of each latency phase (default ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(names = "--ceiling-documents", defaultValue = "20000", description = "Documents the ceiling loader indexes (default ${DEFAULT-VALUE}).")
  int ceilingDocuments;

  @Option(names = "--median-bytes", defaultValue = "3000", description = "Median body size of generated reports (default ${DEFAULT-VALUE}).")
  int medianBytes;

  @Option(names = "--off-topic", defaultValue = "0.3", description = "Share of off-topic generated reports (default ${DEFAULT-VALUE}).")
  double offTopic;

  @Option(names = "--exact-duplicates", defaultValue = "0.05", description = "Share of exact duplicates (default ${DEFAULT-VALUE}).")
  double exactDuplicates;

  @Option(names = "--near-duplicates", defaultValue = "0.05", description = "Share of near duplicates (default ${DEFAULT-VALUE}).")
  double nearDuplicates;

  @Option(names = "--streams-reports", defaultValue = "20000",
      description = "Reports processed by the streams topology and by a pass-through topology, for their ratio, after a "
          + "warm-up round on as many (default ${DEFAULT-VALUE}).")
  int streamsReports;

  @Option(names = "--seed", defaultValue = "42", description = "Workload seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    Workspace workspace = Workspace.current();
    IngestConfig ingest = IngestConfig.fromEnvironment(workspace.connectionOverrides());
    if (corpus != null) {
      checkCorpus(ingest);
    }
    UpCommand.up(workspace, true);
    BenchSettings settings = new BenchSettings(
        new ReportGenerator.Settings(seed, medianBytes, 0.5, offTopic, exactDuplicates, nearDuplicates, "bench"),
        corpus, Duration.ofSeconds(minSeconds), rates, Duration.ofSeconds(latencySeconds), ceilingDocuments,
        streamsReports);
    Map<String, Long> pids = new LinkedHashMap<>();
    List<ServerProcess> processes = new ArrayList<>(workspace.stack().servers());
    processes.addAll(workspace.apps());
    processes.forEach(p -> PidFile.read(workspace.layout(), p.name()).flatMap(PidFile::process).ifPresent(h -> pids.put(p.name(), h.pid())));
    ElasticsearchClient es = ElasticsearchClients.create(List.of(workspace.elasticsearchUrl()));
    List<Figure> figures;
    // The ceiling's documents come from the pipeline's own processing, run offline.
    try (OfflineTopology processing = new OfflineTopology(StreamsAppConfig.fromEnvironment(workspace.connectionOverrides()))) {
      figures = new BenchRunner(settings, ingest, es, "lodestone-reports", report -> processing.process(report).enriched(), pids,
          line -> System.err.println("bench: " + line)).run();
    } finally {
      es._transport().close();
    }
    figures.forEach(System.out::println);
    printTable(figures);
    Path results = workspace.repository().resolve("target/bench/results.json");
    Files.createDirectories(results.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(), Map.of(
        "date", Instant.now().toString(), "machine", machine(), "figures", figures.stream().map(Figure::toJson).toList()));
    System.out.println("Results written to " + results);
    return 0;
  }

  /** Fails in one sentence, before the stack is started, on an option no run can use. */
  void checkOptions() {
    atLeastOne("--min-seconds", minSeconds);
    atLeastOne("--latency-seconds", latencySeconds);
    atLeastOne("--ceiling-documents", ceilingDocuments);
    atLeastOne("--streams-reports", streamsReports);
    atLeastOne("--median-bytes", medianBytes);
    if (rates.stream().anyMatch(rate -> !(rate >= 0) || rate.isInfinite())) {
      throw new UserException("--rates must be reports per second, 0 or more (0: half the end-to-end capacity); got " + rates);
    }
    share("--off-topic", offTopic);
    share("--exact-duplicates", exactDuplicates);
    share("--near-duplicates", nearDuplicates);
    if (exactDuplicates + nearDuplicates >= 1) {
      throw new UserException("--exact-duplicates and --near-duplicates together must stay below 1, so that some reports are originals");
    }
  }

  private static void atLeastOne(String option, int value) {
    if (value < 1) {
      throw new UserException(option + " must be at least 1; got " + value);
    }
  }

  private static void share(String option, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new UserException(option + " is a share of the generated reports, from 0 to 1; got " + value);
    }
  }

  /** Reads the corpus once before the stack is started: what it rejects is named, and a corpus with nothing to publish is an error. */
  private void checkCorpus(IngestConfig ingest) throws IOException {
    if (!Files.exists(corpus)) {
      throw new UserException("no such file or directory: " + corpus);
    }
    List<String> rejected = new ArrayList<>();
    int reports = Workload.corpus(corpus, "check", new JsonReportParser(ingest.getInt(IngestConfig.MAX_REPORT_BYTES)), rejected::add)
        .reports().size();
    rejected.forEach(problem -> System.err.println("bench: corpus: " + problem));
    if (reports == 0) {
      throw new UserException(corpus + " holds no report to publish" + (rejected.isEmpty() ? "" : " (" + rejected.size() + " rejected, above)"));
    }
    System.err.printf("bench: corpus: %d reports, %d rejected%n", reports, rejected.size());
  }

  private static void printTable(List<Figure> figures) {
    System.out.printf("%n%-44s %14s  %s%n", "FIGURE", "VALUE", "UNIT");
    figures.forEach(f -> System.out.printf("%-44s %14.2f  %s%n", f.name(), f.value(), f.unit()));
  }

  private static Map<String, Object> machine() {
    return Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
        "os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }
}
