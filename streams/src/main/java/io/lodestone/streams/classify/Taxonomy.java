package io.lodestone.streams.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lodestone.core.config.YamlProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The theme taxonomy: a versioned YAML data file that analysts edit without a rebuild (format in
 * {@code streams/CLASSIFY.md}). Loading validates it and fails with one sentence naming the problem.
 */
public record Taxonomy(String version, Scoring scoring, Relevance relevance, Map<String, Context> contexts,
    Map<String, Double> offTopic, List<Theme> themes) {

  /** Classpath location of the bundled taxonomy. */
  public static final String BUNDLED = "taxonomy.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  public Taxonomy {
    contexts = contexts == null ? Map.of() : contexts;
    offTopic = offTopic == null ? Map.of() : offTopic;
    themes = themes == null ? List.of() : themes;
  }

  /** How evidence becomes a score; see CLASSIFY.md. */
  public record Scoring(double titleWeight, int leadTokens, double leadWeight, double bodyWeight, double repeatDecay,
      int lengthReference, double lengthExponent, double minShare) {}

  /** The overall relevance and the gate below which no theme is reported. */
  public record Relevance(double threshold, double saturation, double offTopicWeight, double mineralWeight,
      List<String> contexts) {
    public Relevance {
      contexts = contexts == null ? List.of() : contexts;
    }
  }

  /** A named vocabulary (e.g. commodities, productive assets) that themes can require and relevance counts. */
  public record Context(double weight, double cap, List<String> terms) {
    public Context {
      terms = terms == null ? List.of() : terms;
    }
  }

  /** Groups of alternatives ("export|import") that must all occur within {@code window} words, in any order. */
  public record NearRule(List<String> groups, int window, double weight) {
    public NearRule {
      groups = groups == null ? List.of() : groups;
    }
  }

  public record Theme(String id, String name, String description, double threshold, double saturation,
      List<String> requires, Map<String, Double> terms, List<NearRule> near, Map<String, Double> minerals) {
    public Theme {
      requires = requires == null ? List.of() : requires;
      terms = terms == null ? Map.of() : new LinkedHashMap<>(terms);
      near = near == null ? List.of() : near;
      minerals = minerals == null ? Map.of() : minerals;
    }
  }

  public static Taxonomy load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read taxonomy file " + file + ": " + e.getMessage(), e);
    }
  }

  public static Taxonomy bundled() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("Bundled taxonomy " + BUNDLED + " is missing from the classpath");
      }
      return parse(in, "bundled " + BUNDLED);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read bundled taxonomy: " + e.getMessage(), e);
    }
  }

  static Taxonomy parse(InputStream in, String source) throws IOException {
    Taxonomy taxonomy;
    try {
      taxonomy = YAML.readValue(in, Taxonomy.class);
    } catch (JsonProcessingException e) {
      String where = YamlProblem.syntax(e, 1).isEmpty() && e instanceof JsonMappingException mapping
          ? "is not valid at " + YamlProblem.path(mapping) : "is not valid YAML";
      throw new IllegalArgumentException("Taxonomy " + source + " " + where + ": " + YamlProblem.describe(e, 1), e);
    }
    if (taxonomy == null) {
      throw new IllegalArgumentException("Taxonomy " + source + " is empty");
    }
    taxonomy.validate(source);
    return taxonomy;
  }

  private void validate(String source) {
    require(version != null && !version.isBlank(), source, "has no version");
    require(scoring != null, source, "has no scoring section");
    require(relevance != null, source, "has no relevance section");
    require(!themes.isEmpty(), source, "has no themes");
    require(scoring.repeatDecay() > 0 && scoring.repeatDecay() <= 1, source, "needs scoring.repeat_decay in (0, 1]");
    require(scoring.lengthReference() > 0, source, "needs a positive scoring.length_reference");
    require(relevance.saturation() > 0, source, "needs a positive relevance.saturation");
    for (String context : relevance.contexts()) {
      require(contexts.containsKey(context), source, "names unknown context '" + context + "' in relevance.contexts");
    }
    Set<String> ids = new HashSet<>();
    for (Theme theme : themes) {
      String where = "theme '" + theme.id() + "'";
      require(theme.id() != null && theme.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), source, "has a theme id that is not lower-case-with-dashes: " + theme.id());
      require(ids.add(theme.id()), source, "defines " + where + " twice");
      require(theme.threshold() > 0 && theme.threshold() < 1, source, "needs " + where + " threshold in (0, 1)");
      require(theme.saturation() > 0, source, "needs a positive saturation for " + where);
      require(!theme.terms().isEmpty() || !theme.near().isEmpty(), source, "has no terms for " + where);
      for (String context : theme.requires()) {
        require(contexts.containsKey(context), source, "names unknown context '" + context + "' in " + where);
      }
      for (NearRule rule : theme.near()) {
        require(rule.groups().size() >= 2 && rule.window() >= 1, source, "needs at least two groups and a positive window in each near rule of " + where);
      }
    }
  }

  private static void require(boolean condition, String source, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("Taxonomy " + source + " " + problem);
    }
  }
}
