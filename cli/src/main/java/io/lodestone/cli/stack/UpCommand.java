package io.lodestone.cli.stack;

import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import io.lodestone.stack.LocalStack;
import io.lodestone.stack.ServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone up}: starts the local stack and the apps; does nothing for what already runs. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Start Kafka (9092), the schema registry (8081, Confluent API at /apis/ccompat/v7) and Elasticsearch (9200) "
        + "on 127.0.0.1, then Lodestone's apps (streams, sink, alerts, feeds, api on 8080: LODESTONE_API_PORT). Idempotent: what runs already is left alone.",
        "Ports: LODESTONE_KAFKA_PORT, LODESTONE_KAFKA_CONTROLLER_PORT, LODESTONE_REGISTRY_PORT, LODESTONE_REGISTRY_MANAGEMENT_PORT, "
            + "LODESTONE_ES_PORT, LODESTONE_ES_TRANSPORT_PORT. Registry Java: LODESTONE_REGISTRY_JAVA_HOME. Streams app heap: "
            + "LODESTONE_STREAMS_HEAP (default 1536m). Data, logs and pids: LODESTONE_HOME (default .lodestone)."})
public final class UpCommand implements Callable<Integer> {
  @Option(names = "--no-apps", description = "Start only the servers, not Lodestone's apps.")
  boolean noApps;

  @Override
  public Integer call() {
    Workspace workspace = Workspace.current();
    up(workspace, !noApps);
    System.out.println("Lodestone is up. Next: ./lodestone status | ingest FILE | search TEXT | down");
    return 0;
  }

  /** Starts the servers side by side, then the apps; throws with the first failure after trying all. */
  public static void up(Workspace workspace, boolean withApps) {
    LocalStack stack = workspace.stack();
    Distributions.ensure(workspace, stack.registry().isFallback());
    if (stack.registry().isFallback()) {
      System.out.println("No Java 21+ found (set LODESTONE_REGISTRY_JAVA_HOME to one); running Apicurio Registry "
          + stack.registry().version() + " on Java " + stack.registry().runtime().version() + ".");
    }
    startAll(stack, stack.servers());
    if (withApps) {
      startAll(stack, new ArrayList<>(workspace.apps()));
    }
  }

  private static void startAll(LocalStack stack, List<? extends ServerProcess> processes) {
    List<CompletableFuture<String>> starts = processes.stream()
        .map(process -> CompletableFuture.supplyAsync(() -> stack.ensureRunning(process))
            .whenComplete((line, error) -> {
              if (line != null) {
                System.out.println(line);
              }
            }))
        .toList();
    List<String> failures = new ArrayList<>();
    for (CompletableFuture<String> start : starts) {
      try {
        start.join();
      } catch (CompletionException e) {
        failures.add(e.getCause().getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new UserException(String.join(System.lineSeparator() + "lodestone: ", failures));
    }
  }
}
