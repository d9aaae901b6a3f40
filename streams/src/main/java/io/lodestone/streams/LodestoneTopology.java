package io.lodestone.streams;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.enrich.EnrichProcessor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Lodestone's topology: raw reports in, enriched reports out. */
public final class LodestoneTopology {
  static final Named NAME_ENRICH = Named.as("enrich");

  private LodestoneTopology() {}

  /** The serdes of the topology's record types. */
  public record TopologySerdes(Serde<NewsReport> newsReport, Serde<EnrichedReport> enrichedReport) {}

  public static Topology buildTopology(StreamsAppConfig config, TopologySerdes serdes) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(config.getString(CommonOptions.TOPIC_RAW), Consumed.with(Serdes.String(), serdes.newsReport()))
        .processValues(EnrichProcessor::new, NAME_ENRICH)
        .to(config.getString(CommonOptions.TOPIC_ENRICHED), Produced.with(Serdes.String(), serdes.enrichedReport()));
    return builder.build();
  }
}
