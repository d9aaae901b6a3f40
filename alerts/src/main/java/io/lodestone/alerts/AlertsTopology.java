package io.lodestone.alerts;

import io.lodestone.alerts.files.WatchedFile;
import io.lodestone.alerts.rules.RuleAlertProcessor;
import io.lodestone.alerts.rules.RuleSet;
import io.lodestone.alerts.spikes.SpikeDetectorProcessor;
import io.lodestone.alerts.spikes.SpikeKeyProcessor;
import io.lodestone.alerts.spikes.SpikeParameters;
import io.lodestone.alerts.spikes.WindowTally;
import io.lodestone.alerts.spikes.WindowTallySerde;
import io.lodestone.alerts.spikes.JsonSerde;
import io.lodestone.alerts.spikes.WindowHistory;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.SupplyChainAlert;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Enriched reports in, alerts out. Rule alerts: each report against the rules file. Spike alerts:
 * reports re-keyed per theme / mineral / country, counted in tumbling windows with a grace period,
 * suppressed until the window closes (so one result per window, not one per report), then compared with
 * the mean of the key's trailing windows, which the detector keeps.
 */
public final class AlertsTopology {
  /** Window tallies per spike key, until the window closes. */
  public static final String TALLY_STORE = "spike-tallies";
  /** Final counts of each spike key's trailing windows, the baseline. */
  public static final String HISTORY_STORE = "spike-history";
  /** The first window each task saw close, for the detector's warm-up. */
  public static final String WATCH_START_STORE = "spike-watch-start";
  /** Name of the repartition topic (suffix) that routes spike keys. */
  public static final String SPIKE_KEYS = "spike-keys";

  private AlertsTopology() {}

  /** The serdes of the topology's Avro record types. */
  public record AlertSerdes(Serde<EnrichedReport> enrichedReport, Serde<SupplyChainAlert> alert) {}

  /** Builds the topology; reads the rules file now (a {@link io.lodestone.alerts.files.DataFileException} when invalid). */
  public static Topology buildTopology(AlertsConfig config, AlertSerdes serdes) {
    WatchedFile<RuleSet> rules = new WatchedFile<>(Path.of(config.getString(AlertsConfig.RULES_FILE)), RuleSet::read,
        config.getLong(AlertsConfig.RELOAD_INTERVAL_MS));
    SpikeParameters spikes = SpikeParameters.from(config);

    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedReport> reports = builder.stream(config.getString(CommonOptions.TOPIC_ENRICHED),
        Consumed.with(Serdes.String(), serdes.enrichedReport()).withName("enriched-reports"));
    KStream<String, SupplyChainAlert> alerts = reports.process(() -> new RuleAlertProcessor(rules::current),
        Named.as("rule-alerts"));
    if (!spikes.dimensions().isEmpty()) {
      alerts = alerts.merge(spikeAlerts(builder, reports, spikes), Named.as("all-alerts"));
    }
    alerts.to(config.getString(CommonOptions.TOPIC_ALERTS),
        Produced.with(Serdes.String(), serdes.alert()).withName("alerts"));
    return builder.build();
  }

  private static KStream<String, SupplyChainAlert> spikeAlerts(StreamsBuilder builder,
      KStream<String, EnrichedReport> reports, SpikeParameters spikes) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY_STORE),
        Serdes.String(), JsonSerde.of(WindowHistory.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WATCH_START_STORE),
        Serdes.String(), Serdes.Long()));
    return reports
        .process(() -> new SpikeKeyProcessor(spikes), Named.as("spike-keys"))
        .groupByKey(Grouped.with(SPIKE_KEYS, Serdes.String(), Serdes.String()))
        .windowedBy(TimeWindows.ofSizeAndGrace(spikes.window(), spikes.grace()))
        .aggregate(WindowTally::empty, (key, reportId, tally) -> tally.add(reportId, spikes.sampleSize()),
            Named.as("spike-count"),
            Materialized.<String, WindowTally, WindowStore<Bytes, byte[]>>as(TALLY_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(WindowTallySerde.serde())
                .withRetention(spikes.retention()))
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("spike-until-window-closes"))
        .toStream(Named.as("closed-windows"))
        .process(() -> new SpikeDetectorProcessor(spikes, HISTORY_STORE, WATCH_START_STORE), Named.as("spike-detector"),
            HISTORY_STORE, WATCH_START_STORE);
  }
}
