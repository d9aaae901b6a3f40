package io.lodestone.cli.run;

import io.lodestone.cli.Workspace;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.feed.FeedsApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lodestone feeds}: runs the feed poller in the foreground. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
    description = "Run the feed poller in the foreground until stopped: polls the RSS/Atom feeds listed in deploy/feeds.yaml "
        + "(LODESTONE_FEEDS_FILE), re-reading it when it changes, and publishes new items to the raw topic. lodestone up "
        + "runs it in the background. Options come from LODESTONE_* environment variables; --options lists them.")
public final class FeedsCommand implements Callable<Integer> {
  @Mixin
  OptionsListing options;

  @Override
  public Integer call() throws Exception {
    if (options.printed(IngestConfig.CONFIG)) {
      return 0;
    }
    FeedsApp app = new FeedsApp(IngestConfig.fromEnvironment(Workspace.current().producerOverrides()));
    Foreground.run(() -> {
      try (app) {
        app.run();
      }
    }, app::stop);
    return 0;
  }
}
