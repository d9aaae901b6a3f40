package io.lodestone.cli.run;

import io.lodestone.cli.Workspace;
import io.lodestone.core.config.ConfigDocs;
import io.lodestone.sink.SinkConfig;
import io.lodestone.sink.app.SinkApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone sink}: runs the Elasticsearch sink in the foreground. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Run the Elasticsearch sink (enriched -> lodestone-reports-YYYY.MM, alias lodestone-reports) in the "
        + "foreground until stopped. ./lodestone up runs it in the background. Options come from LODESTONE_* environment "
        + "variables; --options lists them.")
public final class SinkCommand implements Callable<Integer> {
  @Option(names = "--options", description = "List every option with its environment variable, default and meaning.")
  boolean listOptions;

  @Override
  public Integer call() throws Exception {
    if (listOptions) {
      System.out.println(ConfigDocs.text(SinkConfig.CONFIG));
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
