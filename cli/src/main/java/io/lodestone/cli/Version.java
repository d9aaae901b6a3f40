package io.lodestone.cli;

import picocli.CommandLine;

/** The version from the jar's manifest. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"lodestone " + (version == null ? "(development build)" : version)};
  }
}
