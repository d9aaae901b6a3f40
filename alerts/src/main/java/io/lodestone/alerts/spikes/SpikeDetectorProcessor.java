package io.lodestone.alerts.spikes;

import io.lodestone.schemas.SupplyChainAlert;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives each window's final tally once the window closed (after its grace period), compares it with
 * the mean of the key's trailing windows from the history store (missing windows had no report: 0), and
 * emits a spike alert when the count exceeds that baseline by the factor and the minimum count.
 *
 * <p>The watch-start store remembers the first window this task saw close. Until the warm-up windows
 * have passed since then, a low baseline may only mean the detector has not watched long enough, so no
 * alert is raised.
 */
public final class SpikeDetectorProcessor implements Processor<Windowed<String>, WindowTally, String, SupplyChainAlert> {
  private static final Logger LOG = LoggerFactory.getLogger(SpikeDetectorProcessor.class);
  static final String WATCH_START_KEY = "watch-start";

  private final SpikeParameters parameters;
  private final String historyStoreName;
  private final String watchStartStoreName;
  private ProcessorContext<String, SupplyChainAlert> context;
  private KeyValueStore<String, WindowHistory> histories;
  private KeyValueStore<String, Long> watchStart;

  public SpikeDetectorProcessor(SpikeParameters parameters, String historyStoreName, String watchStartStoreName) {
    this.parameters = parameters;
    this.historyStoreName = historyStoreName;
    this.watchStartStoreName = watchStartStoreName;
  }

  @Override
  public void init(ProcessorContext<String, SupplyChainAlert> context) {
    this.context = context;
    this.histories = context.getStateStore(historyStoreName);
    this.watchStart = context.getStateStore(watchStartStoreName);
  }

  @Override
  public void process(Record<Windowed<String>, WindowTally> record) {
    String key = record.key().key();
    Window window = record.key().window();
    long windowMs = parameters.window().toMillis();
    Long start = watchStart.get(WATCH_START_KEY);
    if (start == null || window.start() < start) {
      start = window.start();
      watchStart.put(WATCH_START_KEY, start);
    }
    long watched = (window.start() - start) / windowMs;
    WindowHistory history = histories.get(key);
    history = history == null ? WindowHistory.empty() : history;
    long baselineStart = window.start() - parameters.baselineWindows() * windowMs;
    histories.put(key, history.with(window.start(), record.value().count(), baselineStart + windowMs));
    if (watched < parameters.warmupWindows()) {
      LOG.debug("{} window {}: {} reports, detector warming up ({} of {} windows watched)", key, window.startTime(),
          record.value().count(), watched, parameters.warmupWindows());
      return;
    }
    int baselineWindows = (int) Math.min(parameters.baselineWindows(), watched);
    double baseline = baselineWindows == 0 ? 0
        : history.sum(window.start() - baselineWindows * windowMs, window.start() - windowMs) / (double) baselineWindows;
    if (parameters.isSpike(record.value().count(), baseline)) {
      SupplyChainAlert alert = SpikeAlerts.alert(key, window, record.value(), baseline, baselineWindows, parameters,
          Instant.ofEpochMilli(context.currentSystemTimeMs()));
      LOG.info("spike alert {}: {}", alert.getId(), alert.getSummary());
      context.forward(new Record<>(alert.getId(), alert, record.timestamp()));
    }
  }
}
