package io.lodestone.streams;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.streams.dedup.DedupOutcome;
import io.lodestone.streams.dedup.DedupSettings;
import io.lodestone.streams.dedup.DedupStores;
import io.lodestone.streams.dedup.DeduplicateProcessor;
import io.lodestone.streams.classify.ThemeClassifier;
import io.lodestone.streams.process.ClassifyProcessor;
import io.lodestone.streams.process.EnrichProcessor;
import io.lodestone.streams.process.NormalizeProcessor;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Lodestone's topology: raw reports in; canonical reports normalized, deduplicated, enriched and
 * classified out to the enriched topic; later copies out to the duplicates topic. Deduplication must
 * see every report (near-duplicates have different ids, so they land on different raw partitions), so
 * the raw stream goes through a single-partition repartition topic first, and the whole per-report
 * processing runs in that one task. See streams/README.md for the trade-off.
 */
public final class LodestoneTopology {
  public static final String SOURCE = "raw-reports";
  public static final String DEDUP_REPARTITION = "dedup";
  public static final String NORMALIZE = "normalize";
  public static final String DEDUPLICATE = "deduplicate";
  public static final String ENRICH = "enrich";
  public static final String CLASSIFY = "classify";
  public static final String ENRICHED_SINK = "enriched-reports";
  public static final String DUPLICATES_SINK = "duplicate-notices";
  private static final String OUTCOME = "outcome";
  private static final String DUPLICATE = "-duplicate";
  private static final String CANONICAL = "-canonical";

  private LodestoneTopology() {}

  /** With the taxonomy of {@code taxonomy.file}, read now, so that a broken file fails here rather than in a task. */
  public static Topology buildTopology(StreamsAppConfig config, TopologySerdes serdes) {
    return buildTopology(config, serdes, ThemeClassifier.fromFile(config.getString(StreamsAppConfig.TAXONOMY_FILE)));
  }

  /** With a classifier already read; it is thread-safe, so every task shares it. */
  public static Topology buildTopology(StreamsAppConfig config, TopologySerdes serdes, ThemeClassifier classifier) {
    DedupSettings dedup = DedupSettings.from(config);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(DedupStores.reports(dedup));
    builder.addStateStore(DedupStores.stories(dedup));

    Map<String, KStream<String, DedupOutcome>> outcomes = builder
        .stream(config.getString(CommonOptions.TOPIC_RAW), Consumed.with(Serdes.String(), serdes.newsReport()).withName(SOURCE))
        .repartition(Repartitioned.with(Serdes.String(), serdes.newsReport()).withName(DEDUP_REPARTITION).withNumberOfPartitions(1))
        .processValues(NormalizeProcessor::new, Named.as(NORMALIZE))
        .process(() -> new DeduplicateProcessor(dedup), Named.as(DEDUPLICATE), DedupStores.REPORTS, DedupStores.STORIES)
        .split(Named.as(OUTCOME))
        .branch((id, outcome) -> outcome instanceof DedupOutcome.Duplicate, Branched.as(DUPLICATE))
        .defaultBranch(Branched.as(CANONICAL));

    outcomes.get(OUTCOME + DUPLICATE)
        .mapValues(outcome -> ((DedupOutcome.Duplicate) outcome).notice(), Named.as("duplicate-notice"))
        .to(config.getString(CommonOptions.TOPIC_DUPLICATES),
            Produced.with(Serdes.String(), serdes.duplicateNotice()).withName(DUPLICATES_SINK));
    outcomes.get(OUTCOME + CANONICAL)
        .mapValues(outcome -> (DedupOutcome.Canonical) outcome, Named.as("canonical-report"))
        .processValues(EnrichProcessor::new, Named.as(ENRICH))
        .processValues(() -> new ClassifyProcessor(classifier), Named.as(CLASSIFY))
        .to(config.getString(CommonOptions.TOPIC_ENRICHED),
            Produced.with(Serdes.String(), serdes.enrichedReport()).withName(ENRICHED_SINK));
    return builder.build();
  }
}
