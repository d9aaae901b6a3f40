package io.lodestone.cli;

import io.lodestone.schemas.serde.TrustedClasses;

/** Entry point of the lodestone jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    TrustedClasses.install();
    System.exit(LodestoneCommand.commandLine().execute(args));
  }
}
