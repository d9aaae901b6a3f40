package io.lodestone.bench.run;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.bench.measure.Figure;
import io.lodestone.bench.measure.Percentiles;
import io.lodestone.bench.measure.JvmThreadCpu;
import io.lodestone.bench.measure.ProcessCpu;
import io.lodestone.bench.measure.ResidentMemory;
import io.lodestone.bench.streams.StreamsVersusPassThrough;
import io.lodestone.bench.workload.ReportGenerator;
import io.lodestone.bench.workload.Workload;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.sink.bench.DirectBulkLoader;
import io.lodestone.sink.es.IndexReadiness;
import io.lodestone.sink.es.IndexTemplate;
import io.lodestone.sink.es.ReportDocument;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Runs the end-to-end benchmark against a running stack: the ceiling (direct {@code _bulk} loader),
 * end-to-end throughput (producer -> streams -> sink -> searchable) and its ratio to the ceiling,
 * the streams topology's rate against a pass-through topology, publish-to-searchable latency at fixed
 * offered rates, and resident memory of each process.
 */
public final class BenchRunner {
  /** The direct loader's tuning (the sink benchmark picks it among candidates on this machine). */
  private static final int CEILING_BATCH = 1000;
  private static final int CEILING_IN_FLIGHT = 2;
  private static final long CEILING_MIN_SECONDS = 20;
  /** How long the pipeline must have been idle before a latency phase starts. */
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final int FIRST_PASS_REPORTS = 2000;
  private static final int MAX_PASSES = 4;
  private final BenchSettings settings;
  private final IngestConfig ingest;
  private final ElasticsearchClient elasticsearch;
  private final String alias;
  private final Function<NewsReport, EnrichedReport> processing;
  private final Map<String, Long> pids;
  /** The stack's processes and this one (publisher, searches; and the streams phase's topologies). */
  private final Map<String, Long> cpuPids;
  private final Consumer<String> progress;
  private final List<Figure> figures = new ArrayList<>();
  private final JsonReportParser parser;

  /**
   * @param processing the pipeline's processing (null for a report it judges a duplicate), to build the ceiling's documents
   * @param pids the processes whose memory to report, by name
   */
  public BenchRunner(BenchSettings settings, IngestConfig ingest, ElasticsearchClient elasticsearch, String alias,
      Function<NewsReport, EnrichedReport> processing, Map<String, Long> pids, Consumer<String> progress) {
    this.settings = settings;
    this.ingest = ingest;
    this.parser = new JsonReportParser(ingest.getInt(IngestConfig.MAX_REPORT_BYTES));
    this.elasticsearch = elasticsearch;
    this.alias = alias;
    this.processing = processing;
    this.pids = pids;
    this.cpuPids = new LinkedHashMap<>(pids);
    this.cpuPids.put("bench", ProcessHandle.current().pid());
    this.progress = progress;
  }

  public List<Figure> run() throws Exception {
    String runId = "b" + Long.toString(System.currentTimeMillis(), 36);
    double ceiling = ceiling(runId);
    double endToEnd = endToEnd(runId, ceiling);
    streamsVersusPassThrough(runId);
    for (double rate : settings.latencyRates()) {
      latency(runId, rate > 0 ? rate : Math.max(1, endToEnd / 2));
    }
    memory();
    return figures;
  }

  private Workload.Reports workload(String runId, String phase, int count) throws Exception {
    if (settings.corpus() != null) {
      // the bench command checked the corpus and named what it rejects before the run; each phase reads it anew
      return Workload.corpus(settings.corpus(), runId + phase, parser, rejected -> {});
    }
    ReportGenerator.Settings shape = settings.workload();
    return Workload.generated(new ReportGenerator.Settings(shape.seed(), shape.medianBytes(), shape.sigma(),
        shape.offTopicShare(), shape.exactDuplicateShare(), shape.nearDuplicateShare(), runId + phase), count);
  }

  private double ceiling(String runId) throws Exception {
    Workload.Reports reports = workload(runId, "c", settings.ceilingDocuments());
    progress.accept("ceiling: processing " + reports.reports().size() + " reports into documents");
    String prefix = "lodestone-bench-ceiling-" + runId;
    List<DirectBulkLoader.Doc> docs = new ArrayList<>();
    Instant now = Instant.now();
    for (ObjectNode json : reports.reports()) {
      EnrichedReport enriched = processing.apply(parse(json));
      if (enriched != null) {
        docs.add(new DirectBulkLoader.Doc(ReportDocument.indexName(prefix, enriched), enriched.getReport().getId(),
            ReportDocument.json(enriched, now)));
      }
    }
    IndexTemplate.install(elasticsearch, new IndexTemplate.Settings(prefix, prefix, 0, "standard"));
    List<DirectBulkLoader.Body> bodies = DirectBulkLoader.bodies(docs, CEILING_BATCH);
    DirectBulkLoader loader = new DirectBulkLoader(lowLevel());
    // One load lasts a few seconds, and how fast it goes depends on what Elasticsearch is still doing (merging
    // an earlier phase's segments): load the same documents into a fresh index again until the loads add up
    // to CEILING_MIN_SECONDS, and report the rate over all of them.
    long nanos = 0;
    int passes = 0;
    Map<String, Long> cpuBefore = ProcessCpu.snapshot(cpuPids);
    try {
      do {
        deleteIndices(prefix);
        progress.accept("ceiling: indexing " + docs.size() + " documents with a direct _bulk loader, pass " + passes);
        nanos += loader.load(bodies, CEILING_IN_FLIGHT, 0).nanos();
        passes++;
      } while (nanos < CEILING_MIN_SECONDS * 1_000_000_000L && passes < MAX_PASSES);
    } catch (Exception e) {
      // The load's error is the one to report; a failed clean-up after it only adds to it.
      try {
        removeCeiling(prefix);
      } catch (Exception cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    Map<String, Long> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot(cpuPids));
    removeCeiling(prefix);
    double rate = (double) docs.size() * passes * 1e9 / nanos;
    figures.add(new Figure("ceiling_bulk_docs_per_s", rate, "docs/s", Map.of("documents", docs.size(), "passes", passes,
        "seconds", round(nanos / 1e9), "per_request", CEILING_BATCH, "in_flight", CEILING_IN_FLIGHT)));
    cpuFigures("ceiling_cpu_us_per_doc", cpu, Set.of("elasticsearch"), docs.size() * passes, "us/doc", nanos / 1e9);
    return rate;
  }

  private void removeCeiling(String prefix) throws IOException {
    deleteIndices(prefix);
    elasticsearch.indices().deleteIndexTemplate(d -> d.name(prefix));
  }

  private void deleteIndices(String prefix) throws IOException {
    elasticsearch.indices().delete(d -> d.index(prefix + "-*").allowNoIndices(true).ignoreUnavailable(true));
  }

  /**
   * Waits until the stack has worked through the previous phase's backlog, so that the phase measures its own work:
   * the sink and the alerts app index for a while after the end-to-end phase's last report is searchable.
   */
  private void awaitIdle(String phase) throws IOException, InterruptedException {
    progress.accept(phase + ": waiting until Elasticsearch has been idle for " + SETTLE.toSeconds() + " s");
    ElasticsearchIdle.await(lowLevel(), SETTLE, Duration.ofMinutes(5), progress);
  }

  private void streamsVersusPassThrough(String runId) throws Exception {
    // Both topologies run in this JVM beside the stack: neither should share the machine with its backlog.
    awaitIdle("streams");
    List<NewsReport> reports = workload(runId, "s", settings.streamsReports()).reports().stream().map(this::parse).toList();
    // A round that is not counted comes first, with topics and groups of its own: the JIT compiles both topologies'
    // code (Kafka Streams, Avro, Lodestone's stages) for tens of seconds, about one core's worth, and a running app
    // is long past that. Left in the measured round, it cost the Lodestone topology about a third of its rate.
    // Only its rates are shown, so the processes' CPU time is not read for it.
    StreamsVersusPassThrough.Rates warmUp = new StreamsVersusPassThrough(ingest, runId + "w",
        line -> progress.accept("streams warm-up: " + line)).measure(reports, Map::of);
    progress.accept(String.format("streams warm-up: not counted; steady rates: pass-through %.0f, Lodestone %.0f reports/s",
        warmUp.passThrough().steadyRate(), warmUp.lodestone().steadyRate()));
    StreamsVersusPassThrough.Rates rates = new StreamsVersusPassThrough(ingest, runId,
        line -> progress.accept("streams: " + line)).measure(reports, () -> ProcessCpu.snapshot(cpuPids));
    StreamsVersusPassThrough.Run passThrough = rates.passThrough();
    StreamsVersusPassThrough.Run lodestone = rates.lodestone();
    Map<String, Object> context = Map.of("reports", reports.size());
    figures.add(new Figure("streams_passthrough_reports_per_s", passThrough.rate(), "reports/s", context));
    figures.add(new Figure("streams_lodestone_reports_per_s", lodestone.rate(), "reports/s", context));
    figures.add(new Figure("streams_to_passthrough_ratio", lodestone.rate() / passThrough.rate(), "ratio", context));
    Map<String, Object> steady = Map.of("reports", reports.size(), "from_share_of_output", 0.1);
    figures.add(new Figure("streams_passthrough_steady_reports_per_s", passThrough.steadyRate(), "reports/s", steady));
    figures.add(new Figure("streams_lodestone_steady_reports_per_s", lodestone.steadyRate(), "reports/s", steady));
    figures.add(new Figure("streams_to_passthrough_steady_ratio", lodestone.steadyRate() / passThrough.steadyRate(), "ratio", steady));
    // Both topologies run in this process ("bench") against the stack's broker ("kafka").
    Set<String> involved = Set.of("bench", "kafka");
    cpuFigures("streams_passthrough_cpu_us_per_report", passThrough.cpu(), involved, reports.size(), "us/report",
        reports.size() / passThrough.rate());
    cpuFigures("streams_lodestone_cpu_us_per_report", lodestone.cpu(), involved, reports.size(), "us/report",
        reports.size() / lodestone.rate());
  }

  private org.elasticsearch.client.RestClient lowLevel() {
    return ((co.elastic.clients.transport.rest_client.RestClientTransport) elasticsearch._transport()).restClient();
  }

  /**
   * Passes of growing size, each sized from the rate of the one before, until one lasts at least
   * --min-seconds: the first pass also warms the pipeline up, and sizing by the ceiling instead would
   * run many times longer than needed. A corpus is published once, whole: a second pass would be all
   * duplicates of the first.
   */
  private double endToEnd(String runId, double ceiling) throws Exception {
    long minSeconds = settings.minEndToEnd().toSeconds();
    int count = FIRST_PASS_REPORTS;
    Drain measured;
    int pass = 0;
    do {
      measured = drain(runId + "e" + pass, count);
      progress.accept(String.format("end to end: pass %d, %d reports in %.0f s, %.0f reports/s", pass, measured.reports(),
          measured.seconds(), measured.rate()));
      count = (int) Math.max(count, measured.rate() * minSeconds * 1.3);
      pass++;
    } while (settings.corpus() == null && measured.seconds() < minSeconds && pass < MAX_PASSES);
    figures.add(new Figure("end_to_end_reports_per_s", measured.rate(), "reports/s",
        Map.of("reports", measured.reports(), "searchable_documents", measured.searchable(), "seconds", round(measured.seconds()))));
    figures.add(new Figure("end_to_end_to_ceiling_ratio", measured.rate() / ceiling, "ratio", Map.of("target", 0.8)));
    cpuFigures("end_to_end_cpu_us_per_report", measured.cpu(), measured.cpu().keySet(), measured.reports(), "us/report",
        measured.seconds());
    jvmUpkeepFigures("end_to_end", measured.threads());
    return measured.rate();
  }

  /**
   * Each JVM's share of its CPU time spent in garbage collection and in JIT compilation during a phase: a large
   * GC share says a process is busy keeping its heap, not doing its work.
   */
  private void jvmUpkeepFigures(String phase, Map<String, JvmThreadCpu.Split> threads) {
    threads.forEach((process, split) -> {
      if (split.all() > 0) {
        Map<String, Object> context = Map.of("pid", cpuPids.get(process), "ticks", split.all());
        figures.add(new Figure(phase + "_gc_cpu_share_" + process, round(split.gcShare()), "share", context));
        figures.add(new Figure(phase + "_jit_cpu_share_" + process, round(split.jitShare()), "share", context));
      }
    });
  }

  /**
   * A phase's CPU time per unit of work: one figure per process in {@code shown}, and all processes together
   * with how many cores were busy on average. On a machine the whole stack shares, cores x 1,000,000 / total
   * is the most units per second the phase can reach.
   */
  private void cpuFigures(String name, Map<String, Long> cpu, Set<String> shown, int units, String unit, double seconds) {
    if (cpu.isEmpty() || units == 0) {
      return;
    }
    cpu.forEach((process, nanos) -> {
      if (shown.contains(process)) {
        figures.add(new Figure(name + "_" + process, round(nanos / 1e3 / units), unit, Map.of("pid", cpuPids.get(process))));
      }
    });
    long total = cpu.values().stream().mapToLong(Long::longValue).sum();
    figures.add(new Figure(name + "_total", round(total / 1e3 / units), unit, Map.of("cores_busy", round(total / 1e9 / seconds),
        "cores", Runtime.getRuntime().availableProcessors(), "processes", List.copyOf(cpu.keySet()))));
  }

  /**
   * A pass: reports published, their rate, documents searchable, seconds, and the CPU each process used
   * meanwhile, in all and by kind of thread.
   */
  private record Drain(int reports, double rate, long searchable, double seconds, Map<String, Long> cpu,
      Map<String, JvmThreadCpu.Split> threads) {}

  /** Publishes {@code count} reports at once and waits until the pipeline has made them searchable. */
  private Drain drain(String phase, int count) throws Exception {
    Workload.Reports reports = workload(phase, "", count);
    List<NewsReport> parsed = reports.reports().stream().map(this::parse).toList();
    progress.accept("end to end: publishing " + parsed.size() + " reports (" + reports.originals() + " not copies)");
    Map<String, Long> cpuBefore = ProcessCpu.snapshot(cpuPids);
    Map<String, JvmThreadCpu.Snapshot> threadsBefore = JvmThreadCpu.snapshot(cpuPids);
    long start = System.nanoTime();
    try (ReportPublisher publisher = new ReportPublisher(ingest)) {
      for (NewsReport report : parsed) {
        publisher.publish(report);
      }
      publisher.flush();
    }
    // A corpus's own duplicates are unknown: its run ends when the count has stopped growing.
    Integer expected = settings.corpus() != null ? null : reports.originals();
    long[] end = awaitSearchable(Workload.urlPrefix(phase), expected, Duration.ofSeconds(Math.max(300, settings.minEndToEnd().toSeconds() * 5)));
    Map<String, Long> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot(cpuPids));
    Map<String, JvmThreadCpu.Split> threads = JvmThreadCpu.between(threadsBefore, JvmThreadCpu.snapshot(cpuPids));
    double seconds = (end[1] - start) / 1e9;
    return new Drain(parsed.size(), parsed.size() / seconds, end[0], seconds, cpu, threads);
  }

  /**
   * Waits until the run's documents reach {@code expected} (or, when null, stop growing for 15 s);
   * returns the count and the System.nanoTime() of the last increase.
   */
  private long[] awaitSearchable(String urlPrefix, Integer expected, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    long count = 0;
    long lastIncrease = System.nanoTime();
    long lastShown = 0;
    while (Instant.now().isBefore(deadline)) {
      long now = count(urlPrefix);
      if (now > count) {
        count = now;
        lastIncrease = System.nanoTime();
      }
      if (System.nanoTime() - lastShown > 5e9) {
        progress.accept("end to end: " + count + (expected == null ? "" : " of " + expected) + " searchable");
        lastShown = System.nanoTime();
      }
      if (expected != null ? count >= expected : System.nanoTime() - lastIncrease > 15e9 && count > 0) {
        return new long[] {count, lastIncrease};
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("only " + count + (expected == null ? "" : " of " + expected)
        + " reports became searchable within " + timeout.toSeconds() + " s; see ./lodestone status");
  }

  private long count(String urlPrefix) throws Exception {
    try {
      return elasticsearch.count(c -> c.index(alias).query(q -> q.prefix(p -> p.field("canonical_url").value(urlPrefix)))).count();
    } catch (ElasticsearchException | IOException e) {
      if (IndexReadiness.notSearchableYet(e)) {
        return 0;
      }
      throw e;
    }
  }

  private void latency(String runId, double rate) throws Exception {
    awaitIdle("latency");
    int count = (int) Math.max(50, rate * settings.latencyPhase().toSeconds());
    ReportGenerator.Settings shape = settings.workload();
    List<NewsReport> reports = Workload.generated(new ReportGenerator.Settings(shape.seed(), shape.medianBytes(), shape.sigma(),
        shape.offTopicShare(), 0, 0, runId + "l" + (int) rate), count).reports().stream().map(this::parse).toList();
    progress.accept(String.format("latency: %d reports at %.0f/s", count, rate));
    SearchablePoller poller = new SearchablePoller(elasticsearch, alias);
    Thread watcher = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          poller.poll();
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          progress.accept("latency: search failed: " + e.getMessage());
        }
      }
    }, "bench-latency-poller");
    watcher.start();
    try (ReportPublisher publisher = new ReportPublisher(ingest)) {
      long interval = (long) (1e9 / rate);
      long next = System.nanoTime();
      for (NewsReport report : reports) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        poller.expect(report.getId(), System.nanoTime());
        publisher.publish(report);
        next += interval;
      }
      publisher.flush();
      Instant deadline = Instant.now().plusSeconds(120);
      while (poller.pendingCount() > 0 && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
    } finally {
      watcher.interrupt();
      watcher.join();
    }
    Percentiles latencies = new Percentiles(poller.latenciesMillis());
    Map<String, Object> context = Map.of("offered_rate_per_s", round(rate), "reports", count, "found", latencies.count(),
        "not_found", poller.pendingCount());
    String name = "latency_ms_at_" + Math.round(rate) + "_per_s";
    figures.add(new Figure(name + "_p50", latencies.at(50), "ms", context));
    figures.add(new Figure(name + "_p95", latencies.at(95), "ms", context));
    figures.add(new Figure(name + "_p99", latencies.at(99), "ms", context));
  }

  private void memory() {
    pids.forEach((name, pid) -> {
      long bytes = ResidentMemory.ofTree(pid);
      if (bytes >= 0) {
        figures.add(new Figure("resident_memory_mb_" + name, round(bytes / 1048576.0), "MB", Map.of("pid", pid)));
      }
    });
  }

  private NewsReport parse(ObjectNode json) {
    JsonReportParser.Parsed parsed = parser.parse(json, IngestChannel.FILE, Instant.now());
    if (!parsed.ok()) {
      throw new IllegalStateException("workload report rejected: " + parsed.problems());
    }
    return parsed.report();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
