package io.lodestone.alerts.spikes;

import io.lodestone.alerts.AlertsConfig;
import io.lodestone.schemas.Severity;
import java.time.Duration;
import java.util.List;

/**
 * The spike detector's settings.
 *
 * @param byPublished whether reports are placed in windows by published_at instead of the record timestamp
 */
public record SpikeParameters(List<Dimension> dimensions, boolean byPublished, Duration window, Duration grace,
    int baselineWindows, int warmupWindows, double factor, int minCount, Severity severity, int sampleSize) {

  public static SpikeParameters from(AlertsConfig config) {
    return new SpikeParameters(
        config.spikeDimensions().stream().map(Dimension::of).distinct().toList(),
        AlertsConfig.TIMESTAMP_PUBLISHED.equals(config.getString(AlertsConfig.SPIKE_TIMESTAMP)),
        Duration.ofMillis(config.getLong(AlertsConfig.SPIKE_WINDOW_MS)),
        Duration.ofMillis(config.getLong(AlertsConfig.SPIKE_GRACE_MS)),
        config.getInt(AlertsConfig.SPIKE_BASELINE_WINDOWS),
        config.getInt(AlertsConfig.SPIKE_WARMUP_WINDOWS),
        config.getDouble(AlertsConfig.SPIKE_FACTOR),
        config.getInt(AlertsConfig.SPIKE_MIN_COUNT),
        Severity.valueOf(config.getString(AlertsConfig.SPIKE_SEVERITY)),
        config.getInt(AlertsConfig.SPIKE_SAMPLE_SIZE));
  }

  /** How long window tallies are kept: until the window closed (the detector keeps its own history). */
  public Duration retention() {
    return window.plus(grace);
  }

  /** Whether a window's count is a spike against its baseline. */
  public boolean isSpike(long count, double baseline) {
    return count >= minCount && count >= factor * baseline;
  }
}
