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
 * <p>The loader is tuned first (request size and concurrency, best of a short sweep) and gets its request
 * bodies ready-made. The sink runs as deployed, with its default options, from the enriched topic. Both
 * write the first {@value #WARM_UP} documents untimed (JIT, index creation), then the rest timed; rounds
 * alternate, and the best round of each counts. Run it with
 * {@code mvn -B -pl sink -am verify -Pbench -DskipTests}.
 */
public final class SinkBenchmark {
  static final int WARM_UP = 1_000;
  private static final int[] BATCH_SIZES = {500, 1000, 2000};
  private static final int[] CONCURRENCY = {1, 2, 4};
  private static final int TUNING_DOCS = 4_000;

  private SinkBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 3);
    TestStack stack = TestStack.get();
    List<EnrichedReport> reports = reutersReports();
    int measured = reports.size() - WARM_UP;
    System.out.printf(Locale.ROOT, "%d Reuters stories as enriched reports: %d warm-up + %d timed%n", reports.size(), WARM_UP, measured);

    try (SinkHarness harness = new SinkHarness(stack, "bench");
         RestClient rest = RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build()) {
      for (EnrichedReport report : reports) {
        harness.publish(harness.enrichedTopic(), report.getReport().getId(), report);
      }
      harness.flush();
      DirectBulkLoader loader = new DirectBulkLoader(rest);

      int[] best = tune(stack, rest, loader, reports.subList(0, TUNING_DOCS));
      System.out.printf(Locale.ROOT, "direct loader tuned: %d documents per request, %d in flight%n", best[0], best[1]);

      double bestDirect = 0;
      double bestSink = 0;
      for (int round = 1; round <= rounds; round++) {
        double direct = directRate(stack, rest, loader, reports, best[0], best[1], "bench-direct-r" + round);
        double sink = sinkRate(stack, harness, rest, reports.size(), "bench-sink-r" + round);
        System.out.printf(Locale.ROOT, "round %d: direct %.0f docs/s, sink %.0f docs/s (%.1f%%)%n", round, direct, sink, 100 * sink / direct);
        bestDirect = Math.max(bestDirect, direct);
        bestSink = Math.max(bestSink, sink);
      }
      System.out.printf(Locale.ROOT, "RESULT direct %.0f docs/s, sink %.0f docs/s, ratio %.1f%% (best of %d rounds, %d timed documents)%n",
          bestDirect, bestSink, 100 * bestSink / bestDirect, rounds, measured);
    }
    System.exit(0);
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

  /** The loader's best request size and concurrency on a sample. */
  private static int[] tune(TestStack stack, RestClient rest, DirectBulkLoader loader, List<EnrichedReport> sample) throws Exception {
    int[] best = null;
    double bestRate = 0;
    int run = 0;
    for (int batch : BATCH_SIZES) {
      for (int concurrency : CONCURRENCY) {
        String prefix = "bench-tune-" + run++;
        install(stack, prefix);
        List<byte[]> bodies = DirectBulkLoader.bodies(docs(sample, prefix), batch);
        double rate = sample.size() * 1e9 / loader.load(bodies, concurrency);
        System.out.printf(Locale.ROOT, "  tuning: %4d per request, %d in flight: %.0f docs/s%n", batch, concurrency, rate);
        if (rate > bestRate) {
          bestRate = rate;
          best = new int[] {batch, concurrency};
        }
        delete(rest, prefix);
      }
    }
    return best;
  }

  private static double directRate(TestStack stack, RestClient rest, DirectBulkLoader loader, List<EnrichedReport> reports, int batch,
      int concurrency, String prefix) throws Exception {
    install(stack, prefix);
    List<DirectBulkLoader.Doc> docs = docs(reports, prefix);
    loader.load(DirectBulkLoader.bodies(docs.subList(0, WARM_UP), batch), concurrency);
    long nanos = loader.load(DirectBulkLoader.bodies(docs.subList(WARM_UP, docs.size()), batch), concurrency);
    delete(rest, prefix);
    return (docs.size() - WARM_UP) * 1e9 / nanos;
  }

  private static double sinkRate(TestStack stack, SinkHarness harness, RestClient rest, int total, String prefix) throws Exception {
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
