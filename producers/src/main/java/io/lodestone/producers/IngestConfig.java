package io.lodestone.producers;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.config.ConfigSources;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Every option of the producers (file import, feeds, HTTP API), with its default and meaning. */
public final class IngestConfig extends AbstractConfig {
  public static final String VALUE_SERIALIZER = "value.serializer";
  public static final String MAX_REPORT_BYTES = "max.report.bytes";
  public static final String LINGER_MS = "linger.ms";
  public static final String BATCH_SIZE = "batch.size";
  public static final String COMPRESSION_TYPE = "compression.type";
  public static final String CLIENT_ID = "client.id";

  public static final ConfigDef CONFIG = CommonOptions.define(new ConfigDef())
      .define(VALUE_SERIALIZER, Type.CLASS, "io.lodestone.schemas.serde.AvroSerializer", Importance.LOW,
          "Serializer of NewsReport values; io.confluent.kafka.serializers.KafkaAvroSerializer works too when on the class path.")
      .define(MAX_REPORT_BYTES, Type.INT, 900_000, ConfigDef.Range.atLeast(1024), Importance.MEDIUM,
          "Largest report (title, body and summary, UTF-8 bytes) accepted; larger ones are rejected with a reason. Keep it under the topic's max.message.bytes.")
      .define(LINGER_MS, Type.INT, 20, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Kafka producer linger.ms: how long to wait to fill a batch.")
      .define(BATCH_SIZE, Type.INT, 256 * 1024, ConfigDef.Range.atLeast(1024), Importance.LOW,
          "Kafka producer batch.size in bytes.")
      .define(COMPRESSION_TYPE, Type.STRING, "lz4", ConfigDef.ValidString.in("none", "gzip", "snappy", "lz4", "zstd"),
          Importance.LOW, "Kafka producer compression.type.")
      .define(CLIENT_ID, Type.STRING, "lodestone-ingest", Importance.LOW, "Kafka client.id of the producer.");

  public IngestConfig(Map<?, ?> originals) {
    super(CONFIG, originals, false);
  }

  /** Defaults, then LODESTONE_* environment variables, then the overrides. */
  public static IngestConfig fromEnvironment(Map<String, ?> overrides) {
    return new IngestConfig(ConfigSources.fromEnvironment(CONFIG, overrides));
  }
}
