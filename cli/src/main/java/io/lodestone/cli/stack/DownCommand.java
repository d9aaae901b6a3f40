package io.lodestone.cli.stack;

import io.lodestone.cli.Workspace;
import io.lodestone.stack.LocalStack;
import io.lodestone.stack.ServerProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lodestone down}: stops exactly what {@code up} started; data stays. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Stop the apps and servers that lodestone up started (only those), apps first. Data and logs stay in LODESTONE_HOME.")
public final class DownCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    Workspace workspace = Workspace.current();
    LocalStack stack = workspace.stack();
    List<ServerProcess> order = new ArrayList<>(workspace.apps());
    List<ServerProcess> servers = new ArrayList<>(stack.servers());
    Collections.reverse(servers);
    order.addAll(servers);
    boolean any = false;
    for (ServerProcess process : order) {
      Optional<String> line = stack.stop(process.name());
      line.ifPresent(System.out::println);
      any |= line.isPresent();
    }
    if (!any) {
      System.out.println("Nothing was running.");
    }
    return 0;
  }
}
