package io.lodestone.sink.bench;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.sink.SinkConfig;
import io.lodestone.sink.SinkHarness;
import io.lodestone.sink.TestReports;
import io.lodestone.sink.app.SinkApp;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.sink.es.IndexTemplate;
import io.lodestone.sink.es.ReportDocument;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import io.lodestone.testkit.TestStack;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Sink throughput against a direct, tuned {@code _bulk} loader, with the same documents on the same
 * Elasticsearch in the same run: the 11,000 Reuters-21578 stories as enriched reports.
 *
 * <p>The loader is tuned first (request size and concurrency: the best of a few candidates) and gets its request
 * bodies ready-made. The sink runs as deployed, with its default options, from the enriched topic. For both,
 * the clock starts once {@value #WARM_UP} documents are acknowledged (JIT, index creation; requests are in
 * flight for both at that moment) and stops at the last acknowledgement. After a warm-up pass, rounds alternate which goes first; the result gives the best rate of each and the median of
 * the per-round ratios. Run it with
 * {@code mvn -B -pl sink -am verify -Pbench -DskipTests}.
 */
public final class SinkBenchmark {
  static final int WARM_UP = 1_000;
  /** As the sink's default: a busy shared machine can take long over a request. */
  private static final int SOCKET_TIMEOUT_MS = 60_000;
  /** Loader candidates: documents per request, requests in flight. */
  private static final int[][] CANDIDATES = {{500, 2}, {1000, 1}, {1000, 2}, {1000, 4}, {2000, 2}};

  private SinkBenchmark() {}

  public static void main(String[] args) {
    try {
      run(Integer.getInteger("bench.rounds", 3));
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
    // The test stack's broker runs in this JVM; exiting runs the hooks that stop the servers.
    System.exit(0);
  }

  private static void run(int rounds) throws Exception {
    TestStack stack = TestStack.get();
    List<EnrichedReport> reports = reutersReports();
    int measured = reports.size() - WARM_UP;
    System.out.printf(Locale.ROOT, "%d Reuters stories as enriched reports: the clock starts after %d, about %d timed%n", reports.size(), WARM_UP, measured);

    try (SinkHarness harness = new SinkHarness(stack, "bench");
         RestClient rest = RestClient.builder(HttpHost.create(stack.elasticsearchUrl()))
             .setRequestConfigCallback(request -> request.setSocketTimeout(SOCKET_TIMEOUT_MS)).build()) {
      for (EnrichedReport report : reports) {
        harness.publish(harness.enrichedTopic(), report.getReport().getId(), report);
      }
      harness.flush();
      DirectBulkLoader loader = new DirectBulkLoader(rest);

      warmUp(stack, rest, loader, reports);
      int[] best = tune(stack, rest, loader, reports);
      System.out.printf(Locale.ROOT, "direct loader tuned: %d documents per request, %d in flight%n", best[0], best[1]);

      double bestDirect = 0;
      double bestSink = 0;
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        // Alternate which goes first: the load of a shared machine drifts over minutes.
        double direct;
        double sink;
        if (round % 2 == 1) {
          direct = directRate(stack, rest, loader, reports, best[0], best[1], "bench-direct-r" + round);
          sink = sinkRate(harness, rest, reports.size(), "bench-sink-r" + round);
        } else {
          sink = sinkRate(harness, rest, reports.size(), "bench-sink-r" + round);
          direct = directRate(stack, rest, loader, reports, best[0], best[1], "bench-direct-r" + round);
        }
        System.out.printf(Locale.ROOT, "round %d: direct %.0f docs/s, sink %.0f docs/s (%.1f%%)%n", round, direct, sink, 100 * sink / direct);
        bestDirect = Math.max(bestDirect, direct);
        bestSink = Math.max(bestSink, sink);
        ratios.add(sink / direct);
      }
      ratios.sort(null);
      double median = ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
          : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
      System.out.printf(Locale.ROOT, "RESULT best direct %.0f docs/s, best sink %.0f docs/s, ratio of bests %.1f%%, median ratio per round "
          + "%.1f%% (%d rounds, %d timed documents each)%n", bestDirect, bestSink, 100 * bestSink / bestDirect, 100 * median, rounds, measured);
    }
  }

  private static List<EnrichedReport> reutersReports() throws Exception {
    Path corpus = Path.of(System.getProperty("lodestone.repo", ".")).resolve("../shared/corpus/reuters21578-dev").normalize();
    List<EnrichedReport> reports = new ArrayList<>();
    for (ReutersStory story : ReutersSgmlReader.read(corpus)) {
      Instant published = story.date() == null ? Instant.parse("1987-03-01T00:00:00Z") : story.date();
      reports.add(TestReports.report("reuters-" + story.newId(), story.title(), story.dateline() + " " + story.body(), published,
          "Reuters", List.of("US", "GB", "JP"), 1_000_000));
    }
    return reports;
  }

  /** Loads the whole corpus once, untimed, so that Elasticsearch's JIT and caches are warm for what follows. */
  private static void warmUp(TestStack stack, RestClient rest, DirectBulkLoader loader, List<EnrichedReport> reports) throws Exception {
    String prefix = "bench-warm-up";
    install(stack, prefix);
    loader.load(DirectBulkLoader.bodies(docs(reports, prefix), 1000), 2, 0);
    delete(rest, prefix);
  }

  /**
   * The loader's best request size and concurrency: after a warm-up that creates the monthly indices, each
   * candidate loads its own slice of the corpus into them.
   */
  private static int[] tune(TestStack stack, RestClient rest, DirectBulkLoader loader, List<EnrichedReport> reports) throws Exception {
    String prefix = "bench-tune";
    install(stack, prefix);
    List<DirectBulkLoader.Doc> docs = docs(reports, prefix);
    loader.load(DirectBulkLoader.bodies(docs.subList(0, WARM_UP), 1000), 2, 0);
    int slice = (docs.size() - WARM_UP) / CANDIDATES.length;
    int[] best = null;
    double bestRate = 0;
    for (int i = 0; i < CANDIDATES.length; i++) {
      int[] candidate = CANDIDATES[i];
      List<DirectBulkLoader.Doc> sample = docs.subList(WARM_UP + i * slice, WARM_UP + (i + 1) * slice);
      DirectBulkLoader.Timing timing = loader.load(DirectBulkLoader.bodies(sample, candidate[0]), candidate[1], 0);
      double rate = (slice - timing.docsAtStart()) * 1e9 / timing.nanos();
      System.out.printf(Locale.ROOT, "  tuning: %4d per request, %d in flight: %.0f docs/s%n", candidate[0], candidate[1], rate);
      if (rate > bestRate) {
        bestRate = rate;
        best = candidate;
      }
    }
    delete(rest, prefix);
    return best;
  }

  private static double directRate(TestStack stack, RestClient rest, DirectBulkLoader loader, List<EnrichedReport> reports, int batch,
      int concurrency, String prefix) throws Exception {
    install(stack, prefix);
    List<DirectBulkLoader.Doc> docs = docs(reports, prefix);
    DirectBulkLoader.Timing timing = loader.load(DirectBulkLoader.bodies(docs, batch), concurrency, WARM_UP);
    delete(rest, prefix);
    return (docs.size() - timing.docsAtStart()) * 1e9 / timing.nanos();
  }

  private static double sinkRate(SinkHarness harness, RestClient rest, int total, String prefix) throws Exception {
    Map<String, Object> config = harness.config();
    config.put(SinkConfig.INDEX_PREFIX, prefix);
    config.put(SinkConfig.INDEX_ALIAS, prefix);
    config.put(SinkConfig.GROUP_ID, prefix);
    config.remove(SinkConfig.RETRY_BACKOFF_MAX_MS);
    SinkApp app = new SinkApp(new SinkConfig(config));
    Thread thread = new Thread(app::run, "bench-sink");
    thread.start();
    long start = 0;
    long atStart = 0;
    while (app.indexedCount() < total) {
      if (start == 0 && app.indexedCount() >= WARM_UP) {
        start = System.nanoTime();
        atStart = app.indexedCount();
      }
      Thread.sleep(1);
    }
    long nanos = System.nanoTime() - start;
    app.stop();
    thread.join();
    app.close();
    delete(rest, prefix);
    return (total - atStart) * 1e9 / nanos;
  }

  private static List<DirectBulkLoader.Doc> docs(List<EnrichedReport> reports, String prefix) {
    Instant now = Instant.now();
    return reports.stream().map(report -> new DirectBulkLoader.Doc(ReportDocument.indexName(prefix, report),
        report.getReport().getId(), ReportDocument.json(report, now))).toList();
  }

  private static void install(TestStack stack, String prefix) throws Exception {
    var client = ElasticsearchClients.create(List.of(stack.elasticsearchUrl()));
    IndexTemplate.install(client, new IndexTemplate.Settings(prefix, prefix, 0, "standard"));
    client._transport().close();
  }

  /** Deletes a run's indices and template, and lets Elasticsearch settle before the next run. */
  private static void delete(RestClient rest, String prefix) throws Exception {
    rest.performRequest(new Request("DELETE", "/" + prefix + "-*"));
    rest.performRequest(new Request("DELETE", "/_index_template/" + prefix));
    Thread.sleep(2_000);
  }
}
