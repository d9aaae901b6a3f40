package io.lodestone.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.streams.StreamsAppConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
  private static final String PRODUCER_COMPRESSION = StreamsConfig.producerPrefix("compression.type");

  @Test
  void writesWithLz4UnlessToldOtherwise() {
    Properties defaults = StreamsApp.streamsProperties(new StreamsAppConfig(Map.of()));
    Properties zstd = StreamsApp.streamsProperties(new StreamsAppConfig(Map.of(CommonOptions.COMPRESSION_TYPE, "zstd")));

    assertThat(defaults).containsEntry(PRODUCER_COMPRESSION, "lz4")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(zstd).containsEntry(PRODUCER_COMPRESSION, "zstd");
  }

  @Test
  void refusesACompressionKafkaDoesNotKnow() {
    assertThatThrownBy(() -> new StreamsAppConfig(Map.of(CommonOptions.COMPRESSION_TYPE, "brotli")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("compression.type");
  }
}
