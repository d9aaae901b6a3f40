package io.lodestone.bench.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** One measured figure of a benchmark run: name, value, unit, and what it was measured on. */
public record Figure(String name, double value, String unit, Map<String, Object> context) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ObjectNode toJson() {
    ObjectNode json = JSON.createObjectNode().put("figure", name).put("value", value).put("unit", unit);
    context.forEach((key, v) -> json.set(key, JSON.valueToTree(v)));
    return json;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
