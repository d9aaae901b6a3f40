package io.lodestone.streams;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.dedup.DedupOutcome;
import io.lodestone.streams.dedup.DedupSettings;
import io.lodestone.streams.dedup.DedupStores;
import io.lodestone.streams.dedup.DeduplicateProcessor;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.process.ClassifyProcessor;
import io.lodestone.streams.process.EnrichProcessor;
import io.lodestone.streams.process.NormalizeProcessor;
import io.lodestone.streams.process.NormalizedReport;
import java.io.File;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The topology's per-record processing without Kafka around it: the same processors, the dedup
 * processor on real persistent (RocksDB) window stores, changelogging off (no broker to log to).
 */
public final class ReportPipeline implements AutoCloseable {
  // The stateless stages live as long as the JVM, as in the app, whose stream thread keeps them (and the
  // classifier's memo of stemmed words) for its lifetime; only the dedup state is new per pipeline.
  private static final NormalizeProcessor NORMALIZE = new NormalizeProcessor();
  private static final EnrichProcessor ENRICH = new EnrichProcessor();
  private static final ClassifyProcessor CLASSIFY = new ClassifyProcessor(new ThemeClassifier());
  private final MockProcessorContext<String, DedupOutcome> context;
  private final DeduplicateProcessor deduplicate;
  private final StateStore reports;
  private final StateStore stories;
  private long streamTime;

  public ReportPipeline(File stateDir, Map<String, Object> overrides) {
    // Avro builds Lodestone's records only once the schemas' serde has marked their classes trusted, as the
    // topology's serdes do when they load.
    TopologySerdes.embedded();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    // as the app sets it, so that each benchmark invocation's context does not warn that it is not set
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    context = new MockProcessorContext<>(props, new org.apache.kafka.streams.processor.TaskId(0, 0), stateDir);
    StreamsAppConfig config = TestReports.config(overrides);
    DedupSettings settings = DedupSettings.from(config);
    reports = DedupStores.reports(settings).withLoggingDisabled().build();
    stories = DedupStores.stories(settings).withLoggingDisabled().build();
    reports.init(context.getStateStoreContext(), reports);
    stories.init(context.getStateStoreContext(), stories);
    context.addStateStore(reports);
    context.addStateStore(stories);
    deduplicate = new DeduplicateProcessor(settings);
    deduplicate.init(context);
  }

  /** Normalize, deduplicate, and enrich and classify a canonical report; null for a copy. */
  public EnrichedReport process(NewsReport report) {
    long time = report.getFetchedAt().toEpochMilli();
    streamTime = Math.max(streamTime, time);
    context.setCurrentStreamTimeMs(streamTime);
    NormalizedReport normalized = NORMALIZE.normalize(report);
    deduplicate.process(new Record<>(report.getId(), normalized, time));
    DedupOutcome outcome = context.forwarded().get(0).record().value();
    context.resetForwards();
    return outcome instanceof DedupOutcome.Canonical canonical ? CLASSIFY.classify(ENRICH.enrich(canonical, time)) : null;
  }

  @Override
  public void close() {
    reports.close();
    stories.close();
  }
}
