package io.lodestone.cli.run;

import io.lodestone.alerts.AlertsConfig;
import io.lodestone.alerts.app.AlertsApp;
import io.lodestone.cli.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lodestone alerts run}: runs the alerts app (topology and webhook dispatcher) in the foreground. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the alerts app (enriched -> rule and spike alerts -> lodestone.alerts, and the webhook dispatcher) "
        + "in the foreground until stopped; lodestone up runs it in the background. Options come from LODESTONE_* "
        + "environment variables; --options lists them.")
public final class AlertsAppCommand implements Callable<Integer> {
  @Mixin
  OptionsListing options;

  @Override
  public Integer call() throws Exception {
    if (options.printed(AlertsConfig.CONFIG)) {
      return 0;
    }
    AlertsApp app = new AlertsApp(AlertsConfig.fromEnvironment(Workspace.current().connectionOverrides()), System.getenv());
    return Foreground.runUntilStopped(app, app::start, app::awaitTermination, app::stop);
  }
}
