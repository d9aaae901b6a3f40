package io.lodestone.bench.run;

import io.lodestone.bench.workload.ReportGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a benchmark run does: the workload (generated with these shares, or a corpus), how long the
 * end-to-end phase lasts at least, and the offered rates of the latency phase (a rate of 0 means half
 * of the measured end-to-end capacity), and how many reports the streams-versus-pass-through phase processes.
 */
public record BenchSettings(ReportGenerator.Settings workload, Path corpus, Duration minEndToEnd, List<Double> latencyRates,
    Duration latencyPhase, int ceilingDocuments, int streamsReports) {}
