package io.lodestone.cli.run;

import io.lodestone.core.config.ConfigDocs;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Option;

/** The {@code --options} flag of an app command: lists the app's options instead of running it. */
final class OptionsListing {
  @Option(names = "--options", description = "List every option with its environment variable, default and meaning.")
  boolean listOptions;

  /** Prints the options and returns true when {@code --options} was given. */
  boolean printed(ConfigDef options) {
    if (listOptions) {
      System.out.println(ConfigDocs.text(options));
    }
    return listOptions;
  }
}
