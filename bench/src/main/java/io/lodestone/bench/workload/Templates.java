package io.lodestone.bench.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sentence templates and slot values of generated reports (resources next to this class). */
final class Templates {
  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

  final List<String> onTopic = lines("on-topic.txt");
  final List<String> offTopic = lines("off-topic.txt");
  private final Map<String, List<String>> slots = new HashMap<>();

  Templates() {
    for (String line : lines("slots.txt")) {
      String[] parts = line.split("\t", 2);
      slots.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
    }
  }

  /** A sentence from the template with every slot filled at random; {number} is 1-99. */
  String fill(String template, SplittableRandom random) {
    Matcher slot = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (slot.find()) {
      String name = slot.group(1);
      String value = name.equals("number") ? Integer.toString(1 + random.nextInt(99)) : pick(slots.get(name), random);
      slot.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    slot.appendTail(out);
    return out.toString();
  }

  String slot(String name, SplittableRandom random) {
    return pick(slots.get(name), random);
  }

  static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }

  private static List<String> lines(String resource) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Templates.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      return in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException("cannot read workload resource " + resource, e));
    }
  }
}
