package io.lodestone.cli.run;

import io.lodestone.alerts.AlertsConfig;
import io.lodestone.alerts.app.AlertsApp;
import io.lodestone.cli.Workspace;
import io.lodestone.core.config.ConfigDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone alerts run}: runs the alerts app (topology and webhook dispatcher) in the foreground. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the alerts app (enriched -> rule and spike alerts -> lodestone.alerts, and the webhook dispatcher) "
        + "in the foreground until stopped; lodestone up runs it in the background. Options come from LODESTONE_* "
        + "environment variables; --options lists them.")
public final class AlertsAppCommand implements Callable<Integer> {
  @Option(names = "--options", description = "List every option with its environment variable, default and meaning.")
  boolean listOptions;

  @Override
  public Integer call() throws Exception {
    if (listOptions) {
      System.out.println(ConfigDocs.text(AlertsConfig.CONFIG));
      return 0;
    }
    boolean[] failed = {false};
    AlertsApp app = new AlertsApp(AlertsConfig.fromEnvironment(Workspace.current().connectionOverrides()), System.getenv());
    Foreground.run(() -> {
      try (app) {
        app.start();
        failed[0] = app.awaitTermination();
      }
    }, app::stop);
    return failed[0] ? 1 : 0;
  }
}
