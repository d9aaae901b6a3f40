package io.lodestone.cli.process;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on standard error (standard output may be the results) for runs long enough to need one. */
final class Progress {
  private static final int WORTH_A_BAR = 500;

  private Progress() {}

  /** A bar for {@code total} steps, or null when the run is short. */
  static ProgressBar bar(String task, int total) {
    if (total < WORTH_A_BAR) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" reports", 1)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build();
  }
}
