package io.lodestone.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlProblemTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  record Theme(String id, double threshold) {}

  record Taxonomy(String version, List<Theme> themes) {}

  @Test
  void namesTheSyntaxProblemWithItsLineAndColumnInOneLine() {
    JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class,
        () -> YAML.readTree("version: x\n\tthemes: 1\n"));

    assertThat(YamlProblem.syntax(error, 1)).hasValue(
        "found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) (line 2, column 1)");
    assertThat(YamlProblem.syntax(error, 2)).hasValueSatisfying(problem -> assertThat(problem).endsWith("(line 3, column 1)"));
  }

  @Test
  void findsTheSyntaxProblemInsideAMappingErrorAndNamesItsPathByKeys() {
    JsonMappingException broken = catchThrowableOfType(JsonMappingException.class,
        () -> YAML.readValue("version: x\nthemes:\n  - {id: a, threshold: 0.3\n", Taxonomy.class));
    assertThat(YamlProblem.syntax(broken, 1)).hasValue("expected ',' or '}', but got <stream end> (line 4, column 1)");

    JsonMappingException wrongType = catchThrowableOfType(JsonMappingException.class,
        () -> YAML.readValue("version: x\nthemes:\n  - id: a\n    threshold: high\n", Taxonomy.class));
    assertThat(YamlProblem.syntax(wrongType, 1)).isEmpty();
    assertThat(YamlProblem.path(wrongType)).isEqualTo("themes[0].threshold");
  }
}
