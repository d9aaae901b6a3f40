package io.lodestone.sink.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IndexTemplateTest {
  @Test
  void bodyCarriesTheDeploymentsPatternAliasReplicasAndAnalyzer() throws Exception {
    JsonNode body = new ObjectMapper().readTree(IndexTemplate.body(new IndexTemplate.Settings("news", "news-read", 1, "english")));
    assertThat(body.get("index_patterns").toString()).isEqualTo("[\"news-*\"]");
    assertThat(body.at("/template/aliases").fieldNames()).toIterable().containsExactly("news-read");
    assertThat(body.at("/template/settings/number_of_replicas").asInt()).isEqualTo(1);
    assertThat(body.at("/template/settings/analysis/analyzer/lodestone_text/type").asText()).isEqualTo("english");
    assertThat(body.get("version").asLong()).isEqualTo(IndexTemplate.version()).isPositive();
  }

  @Test
  void mapsCountryCentroidsAsGeoPointsAndTitlesAsTextWithKeyword() {
    JsonNode properties = IndexTemplate.resource().at("/template/mappings/properties");
    assertThat(properties.at("/country_locations/type").asText()).isEqualTo("geo_point");
    assertThat(properties.at("/title/type").asText()).isEqualTo("text");
    assertThat(properties.at("/title/fields/keyword/type").asText()).isEqualTo("keyword");
    assertThat(properties.at("/dedup/properties/duplicate_count/type").asText()).isEqualTo("integer");
  }

  @Test
  void countryCentroidsCoverTheWorld() {
    assertThat(CountryCentroids.size()).isGreaterThanOrEqualTo(240);
    assertThat(CountryCentroids.of("cd")).isEqualTo(new CountryCentroids.Point(0, 25));
    assertThat(CountryCentroids.of("XX")).isNull();
  }
}
