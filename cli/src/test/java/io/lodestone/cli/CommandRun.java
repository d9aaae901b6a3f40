package io.lodestone.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a {@code lodestone} command line as the launcher does and keeps its exit status and standard error. */
public record CommandRun(int status, String err) {
  public static CommandRun of(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = LodestoneCommand.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    int status = commandLine.execute(args);
    return new CommandRun(status, err.toString());
  }

  /** The one line a refused command prints: {@code lodestone: MESSAGE}. */
  public static String errorLine(String message) {
    return "lodestone: " + message + System.lineSeparator();
  }
}
