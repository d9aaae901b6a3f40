package io.lodestone.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules that keep the contracts evolvable: every optional field (a union with null, an array, a
 * map) has a default, so a reader with a newer schema can read older records; every enum has a
 * default symbol, so an older reader can read a symbol added later.
 */
class SchemaContractTest {

  @ParameterizedTest
  @EnumSource(TopicContract.class)
  void everyOptionalFieldHasADefaultAndEveryEnumADefaultSymbol(TopicContract contract) {
    List<String> violations = new ArrayList<>();
    walk(contract.valueSchema(), new HashSet<>(), violations);

    assertThat(violations).isEmpty();
  }

  private static void walk(Schema schema, Set<String> seen, List<String> violations) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          for (Schema.Field field : schema.getFields()) {
            if (isOptional(field.schema()) && !field.hasDefaultValue()) {
              violations.add(schema.getName() + "." + field.name() + " is optional but has no default");
            }
            walk(field.schema(), seen, violations);
          }
        }
      }
      case ENUM -> {
        if (schema.getEnumDefault() == null) {
          violations.add("enum " + schema.getName() + " has no default symbol");
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> walk(branch, seen, violations));
      case ARRAY -> walk(schema.getElementType(), seen, violations);
      case MAP -> walk(schema.getValueType(), seen, violations);
      default -> { }
    }
  }

  private static boolean isOptional(Schema schema) {
    return schema.isNullable() || schema.getType() == Schema.Type.ARRAY || schema.getType() == Schema.Type.MAP;
  }
}
