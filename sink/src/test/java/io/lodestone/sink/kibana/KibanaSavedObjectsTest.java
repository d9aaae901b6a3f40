package io.lodestone.sink.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.sink.es.IndexTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kibana cannot run here, so this checks {@code deploy/kibana/lodestone.ndjson} as Kibana's import would
 * need it: every line parses, every reference resolves, and every field a view uses exists in the mapping
 * of its data view (the reports index template, or the expected alerts mapping) with a type Kibana can
 * aggregate or, for a geo layer, a geo_point.
 */
class KibanaSavedObjectsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path KIBANA = Path.of(System.getProperty("lodestone.repo", "..")).resolve("deploy/kibana");
  private static final Set<String> AGGREGATABLE = Set.of("keyword", "long", "integer", "short", "byte", "double", "float",
      "half_float", "scaled_float", "date", "date_nanos", "boolean", "ip", "geo_point");
  private static final Pattern FORMULA_FIELD = Pattern.compile("[a-z_]+\\(([A-Za-z0-9_.]+)\\)");
  private static final String RECORDS = "___records___";

  private static List<JsonNode> objects;
  private static Map<String, JsonNode> byKey;
  /** Field types by data view id: path -> type, "nested:" types for fields inside nested objects. */
  private static Map<String, Map<String, String>> fieldsByDataView;

  @BeforeAll
  static void load() throws IOException {
    objects = new ArrayList<>();
    List<String> lines = Files.readAllLines(KIBANA.resolve("lodestone.ndjson"));
    for (int i = 0; i < lines.size(); i++) {
      JsonNode object = JSON.readTree(lines.get(i));
      assertThat(object.isObject()).as("line %d is a JSON object", i + 1).isTrue();
      objects.add(object);
    }
    byKey = new HashMap<>();
    for (JsonNode object : objects) {
      assertThat(byKey.put(key(object.path("type").asText(), object.path("id").asText()), object))
          .as("duplicate object %s", object.path("id")).isNull();
    }
    Map<String, Map<String, String>> mappings = Map.of(
        "lodestone-reports*", fields(IndexTemplate.resource().at("/template/mappings/properties")),
        "lodestone-alerts*", fields(JSON.readTree(KIBANA.resolve("lodestone-alerts-mapping.json").toFile()).at("/mappings/properties")));
    fieldsByDataView = new HashMap<>();
    for (JsonNode object : ofType("index-pattern")) {
      String title = object.at("/attributes/title").asText();
      assertThat(mappings).as("mapping of data view %s", title).containsKey(title);
      fieldsByDataView.put(object.path("id").asText(), mappings.get(title));
    }
  }

  @Test
  void everyObjectHasWhatTheImportNeeds() {
    assertThat(objects).isNotEmpty();
    for (JsonNode object : objects) {
      String what = object.path("type").asText() + " " + object.path("id").asText();
      assertThat(object.path("id").asText()).as(what).isNotEmpty();
      assertThat(object.path("attributes").path("title").asText()).as("title of %s", what).isNotEmpty();
      assertThat(object.path("references").isArray()).as("references of %s", what).isTrue();
      assertThat(object.path("typeMigrationVersion").asText()).as("typeMigrationVersion of %s", what).matches("8\\.\\d+\\.\\d+");
    }
  }

  @Test
  void everyReferenceResolvesToAnObjectOfTheFile() {
    for (JsonNode object : objects) {
      for (JsonNode reference : object.path("references")) {
        assertThat(byKey).as("%s %s refers to %s %s", object.path("type").asText(), object.path("id").asText(),
            reference.path("type").asText(), reference.path("id").asText())
            .containsKey(key(reference.path("type").asText(), reference.path("id").asText()));
      }
    }
  }

  @Test
  void dataViewsHaveADateTimeField() {
    assertThat(ofType("index-pattern")).extracting(o -> o.at("/attributes/title").asText())
        .contains("lodestone-reports*", "lodestone-alerts*");
    for (JsonNode dataView : ofType("index-pattern")) {
      String timeField = dataView.at("/attributes/timeFieldName").asText();
      assertThat(fieldsByDataView.get(dataView.path("id").asText()).get(timeField)).as("type of %s", timeField).isEqualTo("date");
    }
    assertThat(byKey.get(key("index-pattern", "lodestone-reports")).at("/attributes/timeFieldName").asText()).isEqualTo("published_at");
  }

  @Test
  void savedSearchesShowAndSortByFieldsOfTheirDataView() throws IOException {
    assertThat(ofType("search")).isNotEmpty();
    for (JsonNode search : ofType("search")) {
      Map<String, String> fields = fieldsOf(search, searchSourceIndex(search));
      for (JsonNode column : search.at("/attributes/columns")) {
        assertThat(fields).as("column %s of %s", column.asText(), search.path("id").asText()).containsKey(column.asText());
      }
      for (JsonNode sort : search.at("/attributes/sort")) {
        assertAggregatable(fields, sort.get(0).asText(), search);
      }
    }
  }

  @Test
  void lensVisualizationsUseAggregatableFieldsAndTheirOwnColumns() {
    assertThat(ofType("lens")).isNotEmpty();
    for (JsonNode lens : ofType("lens")) {
      JsonNode layers = lens.at("/attributes/state/datasourceStates/formBased/layers");
      assertThat(layers.size()).as("layers of %s", lens.path("id").asText()).isPositive();
      Set<String> columnIds = new HashSet<>();
      for (Map.Entry<String, JsonNode> layer : layers.properties()) {
        Map<String, String> fields = fieldsOf(lens, "indexpattern-datasource-layer-" + layer.getKey());
        JsonNode columns = layer.getValue().path("columns");
        columns.properties().forEach(column -> columnIds.add(column.getKey()));
        for (JsonNode id : layer.getValue().path("columnOrder")) {
          assertThat(columns.has(id.asText())).as("column %s of %s", id.asText(), lens.path("id").asText()).isTrue();
        }
        for (Map.Entry<String, JsonNode> column : columns.properties()) {
          String field = column.getValue().path("sourceField").asText();
          if (!field.isEmpty() && !field.equals(RECORDS)) {
            assertAggregatable(fields, field, lens);
          }
          for (JsonNode reference : column.getValue().path("references")) {
            assertThat(columns.has(reference.asText())).as("column %s referenced in %s", reference.asText(), lens.path("id").asText()).isTrue();
          }
          Matcher formula = FORMULA_FIELD.matcher(column.getValue().at("/params/formula").asText());
          while (formula.find()) {
            assertAggregatable(fields, formula.group(1), lens);
          }
        }
      }
      for (String accessor : accessors(lens.at("/attributes/state/visualization"), new ArrayList<>())) {
        assertThat(columnIds).as("accessor %s of %s", accessor, lens.path("id").asText()).contains(accessor);
      }
    }
  }

  @Test
  void mapLayersUseGeoPointsOfTheirDataView() throws IOException {
    assertThat(ofType("map")).isNotEmpty();
    for (JsonNode map : ofType("map")) {
      JSON.readTree(map.at("/attributes/mapStateJSON").asText());
      for (JsonNode layer : JSON.readTree(map.at("/attributes/layerListJSON").asText())) {
        JsonNode source = layer.path("sourceDescriptor");
        if (source.has("indexPatternRefName")) {
          Map<String, String> fields = fieldsOf(map, source.path("indexPatternRefName").asText());
          assertThat(fields.get(source.path("geoField").asText())).as("geoField of %s", map.path("id").asText()).isEqualTo("geo_point");
        }
      }
    }
  }

  @Test
  void theDashboardShowsEveryVisualizationThroughResolvedPanels() throws IOException {
    List<JsonNode> dashboards = ofType("dashboard");
    assertThat(dashboards).hasSize(1);
    JsonNode dashboard = dashboards.get(0);
    Set<String> shown = new HashSet<>();
    for (JsonNode panel : JSON.readTree(dashboard.at("/attributes/panelsJSON").asText())) {
      JsonNode reference = reference(dashboard, panel.path("panelRefName").asText());
      assertThat(reference.path("type").asText()).isEqualTo(panel.path("type").asText());
      shown.add(key(reference.path("type").asText(), reference.path("id").asText()));
    }
    JSON.readTree(dashboard.at("/attributes/optionsJSON").asText());
    JSON.readTree(dashboard.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
    for (JsonNode object : objects) {
      if (Set.of("lens", "map").contains(object.path("type").asText())) {
        assertThat(shown).contains(key(object.path("type").asText(), object.path("id").asText()));
      }
    }
    assertThat(shown).contains(key("search", "lodestone-high-severity-alerts"));
  }

  private static String searchSourceIndex(JsonNode search) throws IOException {
    JsonNode source = JSON.readTree(search.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
    return source.path("indexRefName").asText();
  }

  /** The fields of the data view that the object's reference {@code name} points to. */
  private static Map<String, String> fieldsOf(JsonNode object, String referenceName) {
    JsonNode reference = reference(object, referenceName);
    assertThat(reference.path("type").asText()).isEqualTo("index-pattern");
    return fieldsByDataView.get(reference.path("id").asText());
  }

  private static JsonNode reference(JsonNode object, String name) {
    for (JsonNode reference : object.path("references")) {
      if (reference.path("name").asText().equals(name)) {
        return reference;
      }
    }
    throw new AssertionError(object.path("id").asText() + " has no reference named " + name);
  }

  private static void assertAggregatable(Map<String, String> fields, String field, JsonNode user) {
    assertThat(fields).as("field %s used by %s", field, user.path("id").asText()).containsKey(field);
    assertThat(AGGREGATABLE).as("type %s of %s used by %s", fields.get(field), field, user.path("id").asText()).contains(fields.get(field));
  }

  /** Column ids a Lens visualization state points at. */
  private static List<String> accessors(JsonNode node, List<String> found) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        if ((name.endsWith("Accessor") || name.equals("columnId")) && value.isTextual()) {
          found.add(value.asText());
        } else if (Set.of("accessors", "primaryGroups", "metrics").contains(name) && value.isArray()) {
          value.forEach(id -> found.add(id.asText()));
        } else {
          accessors(value, found);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> accessors(element, found));
    }
    return found;
  }

  /** Flattens mapping properties (and multi-fields) to path -> type; fields under nested objects are not aggregatable. */
  private static Map<String, String> fields(JsonNode properties) {
    Map<String, String> fields = new HashMap<>();
    flatten(properties, "", false, fields);
    return fields;
  }

  private static void flatten(JsonNode properties, String prefix, boolean inNested, Map<String, String> fields) {
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      String path = prefix + property.getKey();
      JsonNode mapping = property.getValue();
      String type = mapping.path("type").asText("object");
      fields.put(path, inNested ? "nested:" + type : type);
      if (mapping.has("properties")) {
        flatten(mapping.get("properties"), path + ".", inNested || type.equals("nested"), fields);
      }
      mapping.path("fields").properties().forEach(sub ->
          fields.put(path + "." + sub.getKey(), (inNested ? "nested:" : "") + sub.getValue().path("type").asText()));
    }
  }

  private static List<JsonNode> ofType(String type) {
    return objects.stream().filter(o -> o.path("type").asText().equals(type)).toList();
  }

  private static String key(String type, String id) {
    return type + "/" + id;
  }
}
