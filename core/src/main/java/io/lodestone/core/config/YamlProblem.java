package io.lodestone.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One sentence for what is wrong in a YAML file that people edit (feeds, taxonomy, alert rules, front matter).
 * SnakeYAML's own message spans several lines (a context, the offending line, a caret) and Jackson's path names
 * Java classes; an operator needs the problem, its line and column, and the keys that lead to it.
 */
public final class YamlProblem {
  private YamlProblem() {}

  /** The syntax error as {@link #syntax} gives it, else the first line of Jackson's message. */
  public static String describe(JsonProcessingException error, int firstLine) {
    return syntax(error, firstLine).orElseGet(() -> error.getOriginalMessage().lines().findFirst().orElse("").strip());
  }

  /**
   * The syntax error behind {@code error} (Jackson wraps it, at any depth) as "problem (line L, column C)",
   * lines counted from {@code firstLine} (1 for a whole file); empty when the YAML itself was well-formed.
   */
  public static Optional<String> syntax(Throwable error, int firstLine) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        return Optional.of(marked.getProblem() + " (line " + (marked.getProblemMark().getLine() + firstLine)
            + ", column " + (marked.getProblemMark().getColumn() + 1) + ")");
      }
    }
    return Optional.empty();
  }

  /** The keys and list positions from the top of the document to where mapping failed, as in {@code themes[0].threshold}. */
  public static String path(JsonMappingException error) {
    return error.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
