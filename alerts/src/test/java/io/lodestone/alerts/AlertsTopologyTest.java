package io.lodestone.alerts;

import static io.lodestone.alerts.EnrichedReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Severity;
import io.lodestone.schemas.SupplyChainAlert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert topology with a controlled clock: stream time from the records' timestamps, a fixed wall clock. */
class AlertsTopologyTest {
  private static final Instant T0 = Instant.parse("2026-01-13T00:00:00Z");
  private static final Instant WALL_CLOCK = Instant.parse("2026-01-20T12:00:00Z");
  private static final String THEME = "supply-disruption";
  private static final String THEME_KEY = "theme:" + THEME;

  @TempDir
  Path dir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedReport> enriched;
  private TestOutputTopic<String, SupplyChainAlert> alerts;
  private int reportNumber;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  /** Hourly windows, 10 min grace, baseline and warm-up of 3 windows, factor 3, at least 3 reports. */
  private void start(Map<String, Object> overrides) throws IOException {
    Path rules = EnrichedReports.resource("strike-cobalt-rules.yaml");
    Map<String, Object> settings = new HashMap<>(Map.of(
        AlertsConfig.RULES_FILE, rules.toString(),
        AlertsConfig.SPIKE_DIMENSIONS, "theme,mineral",
        AlertsConfig.SPIKE_WINDOW_MS, Duration.ofHours(1).toMillis(),
        AlertsConfig.SPIKE_GRACE_MS, Duration.ofMinutes(10).toMillis(),
        AlertsConfig.SPIKE_BASELINE_WINDOWS, 3,
        AlertsConfig.SPIKE_WARMUP_WINDOWS, 3,
        AlertsConfig.SPIKE_FACTOR, 3.0,
        AlertsConfig.SPIKE_MIN_COUNT, 3,
        AlertsConfig.SPIKE_SAMPLE_SIZE, 2));
    settings.putAll(overrides);
    AlertsConfig config = new AlertsConfig(settings);
    AlertsTopology.AlertSerdes serdes = new AlertsTopology.AlertSerdes(PlainAvroSerde.of(EnrichedReport.class),
        PlainAvroSerde.of(SupplyChainAlert.class));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    driver = new TopologyTestDriver(AlertsTopology.buildTopology(config, serdes), props, WALL_CLOCK);
    enriched = driver.createInputTopic(CommonOptions.DEFAULT_TOPIC_ENRICHED, Serdes.String().serializer(),
        serdes.enrichedReport().serializer());
    alerts = driver.createOutputTopic(CommonOptions.DEFAULT_TOPIC_ALERTS, Serdes.String().deserializer(),
        serdes.alert().deserializer());
  }

  /** Reports on the theme received at {@code at}. */
  private void themeReports(int count, Instant at) {
    for (int i = 0; i < count; i++) {
      String id = "r" + (++reportNumber);
      enriched.pipeInput(id, report(id).theme(THEME, 0.8, "strike").build(), at);
    }
  }

  /** One report per hour for the first three hours: a baseline of 1 per window. */
  private void quietBaseline() {
    IntStream.range(0, 3).forEach(hour -> themeReports(1, T0.plus(Duration.ofHours(hour)).plusSeconds(60)));
  }

  @Test
  void aBurstRaisesOneSpikeAlertWhenItsWindowClosesCountingLateReportsWithinTheGracePeriod() throws IOException {
    start(Map.of());
    quietBaseline();
    Instant burst = T0.plus(Duration.ofHours(3));
    themeReports(5, burst.plusSeconds(300));
    themeReports(1, burst.plus(Duration.ofMinutes(65)));
    assertThat(alerts.isEmpty()).as("no alert before the window closes").isTrue();

    themeReports(1, burst.plus(Duration.ofMinutes(50)));
    themeReports(1, burst.plus(Duration.ofMinutes(69)));
    assertThat(alerts.isEmpty()).as("the window is open until its end plus the grace period").isTrue();

    themeReports(1, burst.plus(Duration.ofMinutes(70)));
    List<KeyValue<String, SupplyChainAlert>> raised = alerts.readKeyValuesToList();
    assertThat(raised).hasSize(1);
    SupplyChainAlert alert = raised.get(0).value;
    assertThat(raised.get(0).key).isEqualTo(alert.getId());
    assertThat(alert.getId()).isEqualTo(AlertIds.forSpike("spike-theme", THEME_KEY, burst.toEpochMilli()));
    assertThat(alert.getKind()).isEqualTo(AlertKind.SPIKE);
    assertThat(alert.getRule()).isEqualTo("spike-theme");
    assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.getThemes()).containsExactly(THEME);
    assertThat(alert.getWindow().getStart()).isEqualTo(burst);
    assertThat(alert.getWindow().getEnd()).isEqualTo(burst.plus(Duration.ofHours(1)));
    assertThat(alert.getWindow().getCount()).as("five on time and one late within the grace period").isEqualTo(6);
    assertThat(alert.getWindow().getBaseline()).isEqualTo(1.0);
    assertThat(alert.getReportIds()).containsExactly("r4", "r5");
    assertThat(alert.getCreatedAt()).isEqualTo(WALL_CLOCK);
    assertThat(alert.getSummary()).isEqualTo("Spike in theme supply-disruption: 6 reports in the window from "
        + "2026-01-13T03:00:00Z (1 h), 6.0x the mean of 1.00 over the previous 3 windows");

    themeReports(1, burst.plus(Duration.ofMinutes(55)));
    themeReports(1, burst.plus(Duration.ofHours(3)));
    assertThat(alerts.readKeyValuesToList()).as("a report after the grace period changes nothing").isEmpty();
  }

  @Test
  void noAlertWhileTheDetectorWarmsUp() throws IOException {
    start(Map.of());
    themeReports(1, T0.plusSeconds(60));
    themeReports(9, T0.plus(Duration.ofHours(2)).plusSeconds(60));
    themeReports(1, T0.plus(Duration.ofHours(4)));

    assertThat(alerts.isEmpty()).as("window 2 closed, but the detector had watched only 2 windows").isTrue();
  }

  @Test
  void aSteadyRateOrTooFewReportsRaiseNothing() throws IOException {
    start(Map.of());
    IntStream.range(0, 6).forEach(hour -> themeReports(2, T0.plus(Duration.ofHours(hour)).plusSeconds(60)));
    themeReports(1, T0.plus(Duration.ofHours(8)));

    assertThat(alerts.isEmpty()).as("2 per hour is the baseline, and below the minimum count").isTrue();
  }

  @Test
  void windowsWithoutReportsCountAsZeroInTheBaseline() throws IOException {
    start(Map.of());
    themeReports(3, T0.plusSeconds(60));
    themeReports(3, T0.plus(Duration.ofHours(3)).plusSeconds(60));
    themeReports(1, T0.plus(Duration.ofHours(5)));

    List<SupplyChainAlert> raised = alerts.readValuesToList();
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).getWindow().getBaseline()).as("(3 + 0 + 0) / 3").isEqualTo(1.0);
    assertThat(raised.get(0).getWindow().getCount()).isEqualTo(3);
  }

  @Test
  void spikesArePerMineralToo() throws IOException {
    start(Map.of(AlertsConfig.SPIKE_WARMUP_WINDOWS, 0));
    for (int i = 0; i < 4; i++) {
      String id = "m" + i;
      enriched.pipeInput(id, report(id).mineral("lithium", "battery-metals", true).build(), T0.plusSeconds(60 + i));
    }
    enriched.pipeInput("later", report("later").mineral("lithium", "battery-metals", true).build(),
        T0.plus(Duration.ofHours(2)));

    SupplyChainAlert alert = alerts.readValue();
    assertThat(alert.getRule()).isEqualTo("spike-mineral");
    assertThat(alert.getMinerals()).containsExactly("lithium");
    assertThat(alert.getSummary()).endsWith("none in the previous 0 windows");
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void publishedTimePlacesReportsInWindowsWhenConfigured() throws IOException {
    start(Map.of(AlertsConfig.SPIKE_TIMESTAMP, AlertsConfig.TIMESTAMP_PUBLISHED, AlertsConfig.SPIKE_WARMUP_WINDOWS, 0,
        AlertsConfig.SPIKE_DIMENSIONS, "country"));
    Instant received = T0.plus(Duration.ofDays(1));
    for (int i = 0; i < 3; i++) {
      String id = "p" + i;
      enriched.pipeInput(id, report(id).country("CL").publishedAt(T0.plusSeconds(i)).build(), received);
    }
    enriched.pipeInput("p-later", report("p-later").country("CL").publishedAt(T0.plus(Duration.ofHours(2))).build(),
        received);

    SupplyChainAlert alert = alerts.readValue();
    assertThat(alert.getCountries()).containsExactly("CL");
    assertThat(alert.getWindow().getStart()).isEqualTo(T0);
  }

  @Test
  void ruleAlertsAreKeyedByTheirIdAndDuplicatesRaiseNone() throws IOException {
    start(Map.of(AlertsConfig.SPIKE_DIMENSIONS, ""));
    EnrichedReport strike = report("c1").title("Strike halts cobalt mine").theme(THEME, 0.9, "strike")
        .mineral("cobalt", "battery-metals", true).country("CD").build();
    EnrichedReport copy = report("c2").title("Strike halts cobalt mine").theme(THEME, 0.9, "strike")
        .mineral("cobalt", "battery-metals", true).duplicateOf("c1").build();
    EnrichedReport weak = report("c3").theme(THEME, 0.5).mineral("cobalt", "battery-metals", true).build();

    enriched.pipeInput("c1", strike, T0);
    enriched.pipeInput("c2", copy, T0);
    enriched.pipeInput("c3", weak, T0);

    List<KeyValue<String, SupplyChainAlert>> raised = alerts.readKeyValuesToList();
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).key).isEqualTo(AlertIds.forRule("strike-cobalt", "c1"));
    assertThat(raised.get(0).value.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(raised.get(0).value.getCreatedAt()).isEqualTo(WALL_CLOCK);
  }
}
