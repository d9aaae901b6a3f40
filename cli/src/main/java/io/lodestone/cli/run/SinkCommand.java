package io.lodestone.cli.run;

import io.lodestone.cli.Workspace;
import io.lodestone.sink.SinkConfig;
import io.lodestone.sink.app.SinkApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lodestone sink}: runs the Elasticsearch sink in the foreground. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Run the Elasticsearch sink (enriched -> lodestone-reports-YYYY.MM, alias lodestone-reports) in the "
        + "foreground until stopped. lodestone up runs it in the background. Options come from LODESTONE_* environment "
        + "variables; --options lists them.")
public final class SinkCommand implements Callable<Integer> {
  @Mixin
  OptionsListing options;

  @Override
  public Integer call() throws Exception {
    if (options.printed(SinkConfig.CONFIG)) {
      return 0;
    }
    SinkApp app = new SinkApp(SinkConfig.fromEnvironment(Workspace.current().connectionOverrides()));
    Foreground.run(() -> {
      try (app) {
        app.run();
      }
    }, app::stop);
    return 0;
  }
}
