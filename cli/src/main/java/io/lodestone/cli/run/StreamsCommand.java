package io.lodestone.cli.run;

import io.lodestone.cli.Workspace;
import io.lodestone.core.config.ConfigDocs;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.app.StreamsApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone streams}: runs the Kafka Streams app in the foreground. */
@Command(name = "streams", mixinStandardHelpOptions = true,
    description = "Run the streams app (raw -> normalize, deduplicate, enrich, classify -> enriched) in the foreground "
        + "until stopped. ./lodestone up runs it in the background. Options come from LODESTONE_* environment variables; "
        + "--options lists them.")
public final class StreamsCommand implements Callable<Integer> {
  @Option(names = "--options", description = "List every option with its environment variable, default and meaning.")
  boolean listOptions;

  @Override
  public Integer call() throws Exception {
    if (listOptions) {
      System.out.println(ConfigDocs.text(StreamsAppConfig.CONFIG));
      return 0;
    }
    boolean[] failed = {false};
    StreamsApp app = new StreamsApp(StreamsAppConfig.fromEnvironment(Workspace.current().connectionOverrides()));
    Foreground.run(() -> {
      try (app) {
        app.start();
        failed[0] = app.awaitTermination();
      }
    }, app::stop);
    return failed[0] ? 1 : 0;
  }
}
