package io.lodestone.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException.IncompatibleSchemaException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistrationTest {
  private final FakeRegistry registry = FakeRegistry.start();

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void registersEachContractUnderItsTopicValueSubjectInContractOrder() {
    Map<String, Integer> ids = SchemaRegistration.register(new SchemaRegistryClient(registry.url()), Map.of(
        TopicContract.ALERTS, "a", TopicContract.RAW_REPORTS, "r", TopicContract.DEAD_LETTERS, "d"));

    assertThat(ids).containsExactly(Map.entry("r-value", 1), Map.entry("d-value", 2), Map.entry("a-value", 3));
    assertThat(new SchemaRegistryClient(registry.url()).schemaById(2)).isEqualTo(DeadLetter.getClassSchema());
  }

  @Test
  void aRefusalNamesTheSchemaTheSubjectAndTheReason() {
    registry.answerNext(200, "{\"id\":1}").answerNext(409, "{\"error_code\":409,\"message\":\"reader type: INT not "
        + "compatible with writer type: STRING at /fields/0/type\"}");

    assertThatThrownBy(() -> SchemaRegistration.register(new SchemaRegistryClient(registry.url()), Map.of(
        TopicContract.RAW_REPORTS, "raw", TopicContract.ENRICHED_REPORTS, "enriched")))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessage("The schema registry at " + registry.url() + " refused to register io.lodestone.schemas.EnrichedReport "
            + "under subject enriched-value (error 409): reader type: INT not compatible with writer type: STRING at "
            + "/fields/0/type");
  }
}
