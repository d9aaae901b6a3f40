package io.lodestone.streams.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.IntStream;

/**
 * Drops whole lines that are page furniture rather than news: bylines, "Post a Comment", "Also Read"
 * teasers, share and subscribe prompts, agency sign-offs ("Reuter", "-IANS"). The patterns are data
 * ({@code boilerplate.txt}): one Java regular expression per line, matched against a whole trimmed
 * line.
 *
 * <p>Most lines of a report are news, and trying every expression on every line costs more than
 * the rest of normalizing. So the expressions a line can match are looked up by its first two
 * characters: when the class is built, each expression is asked, by matching it against each
 * two-character start and {@link Matcher#hitEnd()}, whether any line beginning so could match it;
 * a line is only tested against the expressions that can. Lines that do not start with two ASCII
 * characters are tested against all of them.
 */
final class Boilerplate {
  static final String RESOURCE = "boilerplate.txt";
  /** Longer lines are always content: furniture is short, and skipping long lines keeps the cost low. */
  private static final int MAX_LINE = 160;
  private static final int ASCII = 0x80;
  private static volatile Boilerplate bundled;

  private final Pattern[] patterns;
  private final int[] all;
  /** Indices of the patterns that a line starting with characters c0 c1 (both ASCII) can match, at c0 * ASCII + c1. */
  private final int[][] candidates = new int[ASCII * ASCII][];

  Boilerplate(List<String> patterns) {
    this.patterns = new Pattern[patterns.size()];
    for (int i = 0; i < this.patterns.length; i++) {
      try {
        this.patterns[i] = Pattern.compile(patterns.get(i));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("Boilerplate pattern '" + patterns.get(i) + "' is not a valid regular expression: "
            + e.getDescription());
      }
    }
    this.all = IntStream.range(0, this.patterns.length).toArray();
    Map<List<Integer>, int[]> shared = new HashMap<>(); // lines of many starts share one candidate list
    for (int c0 = 0; c0 < ASCII; c0++) {
      List<Integer> first = new ArrayList<>();
      for (int p : all) {
        if (canStartWith(this.patterns[p], String.valueOf((char) c0))) {
          first.add(p);
        }
      }
      for (int c1 = 0; c1 < ASCII; c1++) {
        List<Integer> both = new ArrayList<>();
        String start = new String(new char[] {(char) c0, (char) c1});
        for (int p : first) {
          if (canStartWith(this.patterns[p], start)) {
            both.add(p);
          }
        }
        candidates[c0 * ASCII + c1] = shared.computeIfAbsent(both, k -> k.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }

  /** Whether some line beginning with {@code start} could match: it matches, or failed only for lack of input. */
  private static boolean canStartWith(Pattern pattern, String start) {
    Matcher matcher = pattern.matcher(start);
    return matcher.matches() || matcher.hitEnd();
  }

  /** The bundled patterns, compiled once per JVM. */
  static Boilerplate bundled() {
    Boilerplate result = bundled;
    if (result == null) {
      synchronized (Boilerplate.class) {
        result = bundled;
        if (result == null) {
          result = load();
          bundled = result;
        }
      }
    }
    return result;
  }

  private static Boilerplate load() {
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
    Matcher[] matchers = new Matcher[patterns.length];
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end - start <= MAX_LINE && isBoilerplate(text, start, end, matchers)) {
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

  private boolean isBoilerplate(String text, int start, int end, Matcher[] matchers) {
    int[] candidates = all;
    if (end - start >= 2 && text.charAt(start) < ASCII && text.charAt(start + 1) < ASCII) {
      candidates = this.candidates[text.charAt(start) * ASCII + text.charAt(start + 1)];
    }
    for (int p : candidates) {
      if (matchers[p] == null) {
        matchers[p] = patterns[p].matcher(text);
      }
      if (matchers[p].region(start, end).matches()) {
        return true;
      }
    }
    return false;
  }
}
