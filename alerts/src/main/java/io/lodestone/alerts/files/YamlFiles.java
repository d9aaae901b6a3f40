package io.lodestone.alerts.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lodestone.core.config.YamlProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads Lodestone's YAML data files into records: snake_case keys, unknown keys rejected (a typo in a
 * rule must not silently widen it), and errors reported as one sentence with the file and line.
 */
public final class YamlFiles {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  private YamlFiles() {}

  public static <T> T read(Path file, Class<T> type) {
    try {
      return YAML.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      // a syntax problem carries its own line and column; a record constructor's message has no useful location
      boolean placeInMessage = e instanceof ValueInstantiationException || YamlProblem.syntax(e, 1).isPresent();
      String where = placeInMessage ? "" : where(e.getLocation());
      throw new DataFileException(file + where + ": " + reason(e), e);
    } catch (IOException e) {
      throw new DataFileException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new DataFileException(file + ": " + e.getMessage(), e);
    }
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : " line " + location.getLineNr();
  }

  /** The validation message of a record constructor, the known keys for an unknown one, else the YAML problem in one line. */
  private static String reason(JsonProcessingException e) {
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return e.getCause().getMessage();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key '" + unknown.getPropertyName() + "'; known keys: " + unknown.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
    return YamlProblem.describe(e, 1);
  }
}
