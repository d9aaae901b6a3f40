package io.lodestone.alerts.spikes;

import java.util.ArrayList;
import java.util.List;

/** The reports of one key in one window: how many, and the ids of the first few (for the alert). */
public record WindowTally(long count, List<String> sampleReportIds) {
  public WindowTally {
    sampleReportIds = List.copyOf(sampleReportIds);
  }

  public static WindowTally empty() {
    return new WindowTally(0, List.of());
  }

  public WindowTally add(String reportId, int sampleSize) {
    if (sampleReportIds.size() >= sampleSize || sampleReportIds.contains(reportId)) {
      return new WindowTally(count + 1, sampleReportIds);
    }
    List<String> samples = new ArrayList<>(sampleReportIds);
    samples.add(reportId);
    return new WindowTally(count + 1, samples);
  }
}
