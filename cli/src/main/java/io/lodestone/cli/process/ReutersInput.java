package io.lodestone.cli.process;

import java.nio.file.Path;
import java.util.List;

/** What the commands that read Reuters-21578 SGML say when an input holds no story they can read. */
final class ReutersInput {
  private ReutersInput() {}

  /** One sentence: the only problem, or how many there were and the first. */
  static String nothingRead(Path input, List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    return input + " holds no readable Reuters-21578 story" + (problems.isEmpty() ? ""
        : " (" + problems.size() + " problems; the first: " + problems.get(0) + ")");
  }
}
