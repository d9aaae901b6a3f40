package io.lodestone.alerts.spikes;

import io.lodestone.alerts.AlertIds;
import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.AlertWindow;
import io.lodestone.schemas.SupplyChainAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.kstream.Window;

/** Builds the alert of a window whose count exceeded its baseline. */
public final class SpikeAlerts {
  private SpikeAlerts() {}

  /**
   * @param key the spike key, e.g. theme:supply-disruption
   * @param baselineWindows how many trailing windows the baseline is the mean of
   */
  public static SupplyChainAlert alert(String key, Window window, WindowTally tally, double baseline, int baselineWindows,
      SpikeParameters parameters, Instant createdAt) {
    Dimension dimension = Dimension.ofKey(key);
    String value = Dimension.valueOfKey(key);
    return SupplyChainAlert.newBuilder()
        .setId(AlertIds.forSpike(dimension.detector(), key, window.start()))
        .setKind(AlertKind.SPIKE)
        .setRule(dimension.detector())
        .setSeverity(parameters.severity())
        .setThemes(dimension == Dimension.THEME ? List.of(value) : List.of())
        .setMinerals(dimension == Dimension.MINERAL ? List.of(value) : List.of())
        .setCountries(dimension == Dimension.COUNTRY ? List.of(value) : List.of())
        .setReportIds(tally.sampleReportIds())
        .setSummary(summary(dimension, value, window, tally.count(), baseline, baselineWindows))
        .setWindow(AlertWindow.newBuilder().setStart(window.startTime()).setEnd(window.endTime())
            .setCount(tally.count()).setBaseline(baseline).build())
        .setCreatedAt(createdAt)
        .build();
  }

  /** e.g. "Spike in mineral lithium: 14 reports in the window from 2026-01-13T08:00:00Z (1 h), 4.7x the mean of 3.00 over the previous 24 windows". */
  static String summary(Dimension dimension, String value, Window window, long count, double baseline, int baselineWindows) {
    String versus = baseline == 0
        ? String.format(Locale.ROOT, "none in the previous %d windows", baselineWindows)
        : String.format(Locale.ROOT, "%.1fx the mean of %.2f over the previous %d windows", count / baseline, baseline,
            baselineWindows);
    return String.format(Locale.ROOT, "Spike in %s %s: %d reports in the window from %s (%s), %s", dimension.label(), value,
        count, window.startTime(), human(Duration.ofMillis(window.end() - window.start())), versus);
  }

  private static String human(Duration duration) {
    if (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
      return duration.toHours() + " h";
    }
    return duration.getSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.getSeconds() + " s";
  }
}
