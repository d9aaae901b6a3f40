package io.lodestone.streams.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Drops whole lines that are page furniture rather than news: bylines, "Post a Comment", "Also Read"
 * teasers, share and subscribe prompts, agency sign-offs ("Reuter", "-IANS"). The patterns are data
 * ({@code boilerplate.txt}): one Java regular expression per line, matched against a whole trimmed
 * line; all are combined into one alternation so that each line is tested once.
 */
final class Boilerplate {
  static final String RESOURCE = "boilerplate.txt";
  /** Longer lines are always content: furniture is short, and skipping long lines keeps the cost low. */
  private static final int MAX_LINE = 160;

  private final Pattern pattern;

  Boilerplate(List<String> patterns) {
    List<String> alternatives = new ArrayList<>();
    for (String p : patterns) {
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("Boilerplate pattern '" + p + "' is not a valid regular expression: " + e.getDescription());
      }
      alternatives.add("(?:" + p + ")");
    }
    this.pattern = Pattern.compile(String.join("|", alternatives));
  }

  static Boilerplate bundled() {
    try (InputStream in = Boilerplate.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Bundled resource " + RESOURCE + " is missing from the classpath");
      }
      List<String> patterns = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String p = line.strip();
        if (!p.isEmpty() && !p.startsWith("#")) {
          patterns.add(p);
        }
      }
      return new Boilerplate(patterns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text without its boilerplate lines (input lines already trimmed and separated by one newline). */
  String strip(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    boolean dropped = false;
    Matcher line = pattern.matcher(text);
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end - start <= MAX_LINE && line.region(start, end).matches()) {
        dropped = true;
      } else {
        if (kept.length() > 0) {
          kept.append('\n');
        }
        kept.append(text, start, end);
      }
      start = end + 1;
    }
    return dropped ? kept.toString() : text;
  }
}
