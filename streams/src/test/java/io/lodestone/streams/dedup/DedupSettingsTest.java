package io.lodestone.streams.dedup;

import static io.lodestone.streams.TestReports.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.streams.StreamsAppConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupSettingsTest {
  @Test
  void zeroMaxReportsMeansWhatTheHeapHolds() {
    assertThat(DedupSettings.reportsFitting(1536L << 20)).as("the streams app's default heap, as the docs say").isEqualTo(743_359);
    assertThat(DedupSettings.from(config(Map.of())).maxReports())
        .isEqualTo(DedupSettings.reportsFitting(Runtime.getRuntime().maxMemory()));
  }

  @Test
  void aConfiguredMaxReportsIsKept() {
    assertThat(DedupSettings.from(config(Map.of(StreamsAppConfig.DEDUP_MAX_REPORTS, 5_000))).maxReports()).isEqualTo(5_000);
  }
}
