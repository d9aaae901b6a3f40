package io.lodestone.cli.run;

import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.http.ApiApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lodestone api}: runs the HTTP ingest API in the foreground. */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = {"Run the HTTP ingest API in the foreground until stopped (default http://127.0.0.1:8080; LODESTONE_API_HOST, "
        + "LODESTONE_API_PORT). lodestone up runs it in the background.",
        "POST /v1/reports (one report or an array of up to 1,000; Authorization: Bearer TOKEN), GET /health, GET /metrics. "
            + "The token is LODESTONE_API_TOKEN, or else the one in LODESTONE_HOME/api.token (created when missing).",
        "Options come from LODESTONE_* environment variables; --options lists them."})
public final class ApiCommand implements Callable<Integer> {
  @Mixin
  OptionsListing options;

  @Override
  public Integer call() throws Exception {
    if (options.printed(IngestConfig.CONFIG)) {
      return 0;
    }
    ApiApp app;
    try {
      app = new ApiApp(IngestConfig.fromEnvironment(Workspace.current().producerOverrides())).start();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserException("the HTTP API cannot start: " + e.getMessage(), e);
    }
    Foreground.run(() -> {
      try (app) {
        app.awaitStop();
      }
    }, app::stop);
    return 0;
  }
}
