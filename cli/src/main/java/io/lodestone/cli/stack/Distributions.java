package io.lodestone.cli.stack;

import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fetches the server distributions through Maven ({@code deploy/stack/pom.xml}) when they are missing. */
final class Distributions {
  private Distributions() {}

  static void ensure(Workspace workspace, boolean registryFallback) {
    boolean fallbackMissing = registryFallback && !Files.isDirectory(
        workspace.layout().registryDist(workspace.stack().registry().version()));
    if (workspace.hasDistributions() && !fallbackMissing) {
      return;
    }
    Path pom = workspace.repository().resolve("deploy/stack/pom.xml");
    if (!Files.isRegularFile(pom)) {
      throw new UserException("the server distributions are missing from " + workspace.layout().dist()
          + " and there is no " + pom + " to fetch them with; run lodestone from its repository");
    }
    System.out.println("Fetching Kafka, Apicurio Registry and Elasticsearch from Maven Central into "
        + workspace.layout().dist() + " (first run only)...");
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-f", pom.toString(),
        "-Dlodestone.home=" + workspace.layout().home(), "generate-resources"));
    if (registryFallback) {
      command.add("-Dregistry.fallback");
    }
    try {
      Process mvn = new ProcessBuilder(command).inheritIO().start();
      if (mvn.waitFor() != 0) {
        throw new UserException("fetching the servers with Maven failed (exit " + mvn.exitValue() + "); see its output above");
      }
    } catch (IOException e) {
      throw new UserException("cannot run Maven (mvn) to fetch the servers: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while fetching the servers", e);
    }
  }
}
