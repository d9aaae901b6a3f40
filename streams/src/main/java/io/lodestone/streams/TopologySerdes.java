package io.lodestone.streams;

import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.DuplicateNotice;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroSerde;
import io.lodestone.streams.offline.EmbeddedAvroSerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** The serdes of the topology's record types: registry-framed Avro on a broker, embedded-schema Avro offline. */
public record TopologySerdes(Serde<NewsReport> newsReport, Serde<EnrichedReport> enrichedReport,
    Serde<DuplicateNotice> duplicateNotice, Serde<DeadLetter> deadLetter) {

  /** Serdes in the Confluent wire format, sharing one registry client (and its schema cache). */
  public static TopologySerdes registry(SchemaRegistryClient client, Map<String, ?> serdeConfig) {
    TopologySerdes serdes = new TopologySerdes(AvroSerde.specific(NewsReport.class, client),
        AvroSerde.specific(EnrichedReport.class, client), AvroSerde.specific(DuplicateNotice.class, client),
        AvroSerde.specific(DeadLetter.class, client));
    serdes.newsReport().configure(serdeConfig, false);
    serdes.enrichedReport().configure(serdeConfig, false);
    serdes.duplicateNotice().configure(serdeConfig, false);
    serdes.deadLetter().configure(serdeConfig, false);
    return serdes;
  }

  /** Serdes that need no registry: Avro single-object encoding. */
  public static TopologySerdes embedded() {
    return new TopologySerdes(new EmbeddedAvroSerde<>(NewsReport.class), new EmbeddedAvroSerde<>(EnrichedReport.class),
        new EmbeddedAvroSerde<>(DuplicateNotice.class), new EmbeddedAvroSerde<>(DeadLetter.class));
  }
}
