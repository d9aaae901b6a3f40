package io.lodestone.cli;

import picocli.CommandLine;

/** Entry point of the lodestone jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(LodestoneCommand.commandLine().execute(args));
  }
}
