package io.lodestone.core.config;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/** Renders a {@link ConfigDef} as documentation, so that --help and the README come from the definition. */
public final class ConfigDocs {
  public static final String TABLE_BEGIN = "<!-- options:begin -->\n";
  public static final String TABLE_END = "<!-- options:end -->";

  private ConfigDocs() {}

  /** A Markdown table: option, environment variable, type, default, meaning. */
  public static String markdownTable(ConfigDef def) {
    StringBuilder out = new StringBuilder();
    out.append("| Option | Environment variable | Type | Default | Meaning |\n");
    out.append("|---|---|---|---|---|\n");
    for (ConfigKey key : keys(def)) {
      out.append("| `").append(key.name).append("` | `").append(ConfigSources.envName(key.name))
          .append("` | ").append(key.type.name().toLowerCase()).append(" | ")
          .append(defaultText(key).isEmpty() ? "" : "`" + defaultText(key) + "`").append(" | ")
          .append(key.documentation.replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
    return out.toString();
  }

  /**
   * The options table of a README: the lines between {@value #TABLE_BEGIN} and {@value #TABLE_END},
   * which tests compare with {@link #markdownTable} so that the README cannot drift from the definition.
   */
  public static String readmeTable(String readme) {
    int begin = readme.indexOf(TABLE_BEGIN);
    int end = readme.indexOf(TABLE_END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("The README has no " + TABLE_BEGIN + " ... " + TABLE_END + " options table");
    }
    return readme.substring(begin + TABLE_BEGIN.length(), end);
  }

  /** Plain text for a terminal: one block per option. */
  public static String text(ConfigDef def) {
    return keys(def).stream()
        .map(key -> String.format("  %s (%s, env %s)%n      default: %s%n      %s",
            key.name, key.type.name().toLowerCase(), ConfigSources.envName(key.name),
            defaultText(key).isEmpty() ? "(none)" : defaultText(key), key.documentation))
        .collect(Collectors.joining(System.lineSeparator()));
  }

  private static List<ConfigKey> keys(ConfigDef def) {
    return def.configKeys().values().stream().sorted((a, b) -> a.name.compareTo(b.name)).toList();
  }

  private static String defaultText(ConfigKey key) {
    if (!key.hasDefault() || key.defaultValue == null) {
      return "";
    }
    Object value = key.defaultValue;
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }
}
