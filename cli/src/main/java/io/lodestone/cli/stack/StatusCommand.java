package io.lodestone.cli.stack;

import io.lodestone.cli.Workspace;
import io.lodestone.core.status.AppStatus;
import io.lodestone.stack.LocalStack;
import io.lodestone.stack.ServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code lodestone status}: each server and app with its pid, port and health. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show each server and app with its pid, port and health (and the apps' counters and last errors). "
        + "Exit status 0 when everything is healthy, 3 otherwise.")
public final class StatusCommand implements Callable<Integer> {
  private static final String FORMAT = "%-14s %-8s %-6s %-10s %s%n";

  @Override
  public Integer call() {
    Workspace workspace = Workspace.current();
    LocalStack stack = workspace.stack();
    List<ServerProcess> all = new ArrayList<>(stack.servers());
    all.addAll(workspace.apps());
    System.out.printf(FORMAT, "NAME", "PID", "PORT", "HEALTH", "DETAILS");
    boolean healthy = true;
    for (ServerProcess process : all) {
      LocalStack.Status status = stack.status(process);
      healthy &= status.health().equals("healthy");
      String details = AppStatus.read(workspace.layout().run(), process.name())
          .map(s -> s.state() + " " + format(s.details())).orElse("");
      System.out.printf(FORMAT, status.name(), status.pid().map(String::valueOf).orElse("-"),
          status.port() < 0 ? "-" : status.port(), status.health(), details.strip());
    }
    return healthy ? 0 : 3;
  }

  private static String format(Map<String, String> details) {
    return details.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }
}
