package io.lodestone.cli.run;

import io.lodestone.cli.Workspace;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.app.StreamsApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lodestone streams}: runs the Kafka Streams app in the foreground. */
@Command(name = "streams", mixinStandardHelpOptions = true,
    description = "Run the streams app (raw -> normalize, deduplicate, enrich, classify -> enriched) in the foreground "
        + "until stopped. lodestone up runs it in the background. Options come from LODESTONE_* environment variables; "
        + "--options lists them.")
public final class StreamsCommand implements Callable<Integer> {
  @Mixin
  OptionsListing options;

  @Override
  public Integer call() throws Exception {
    if (options.printed(StreamsAppConfig.CONFIG)) {
      return 0;
    }
    StreamsApp app = new StreamsApp(StreamsAppConfig.fromEnvironment(Workspace.current().connectionOverrides()));
    return Foreground.runUntilStopped(app, app::start, app::awaitTermination, app::stop);
  }
}
