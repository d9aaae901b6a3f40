package io.lodestone.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry accepts all five contracts under the default topic names, and again on every app start. */
@ExtendWith(TestStackExtension.class)
class SchemaRegistrationIT {
  private static final Map<TopicContract, String> DEFAULT_TOPICS = Map.of(
      TopicContract.RAW_REPORTS, "lodestone.reports.raw",
      TopicContract.ENRICHED_REPORTS, "lodestone.reports.enriched",
      TopicContract.DUPLICATES, "lodestone.reports.duplicates",
      TopicContract.DEAD_LETTERS, "lodestone.deadletter",
      TopicContract.ALERTS, "lodestone.alerts");

  @Test
  void allFiveContractsRegisterUnderTheirTopicValueSubjectsIdempotently(TestStack stack) {
    SchemaRegistryClient client = new SchemaRegistryClient(stack.registryUrl());

    Map<String, Integer> ids = SchemaRegistration.register(client, DEFAULT_TOPICS);

    assertThat(ids).containsOnlyKeys("lodestone.reports.raw-value", "lodestone.reports.enriched-value",
        "lodestone.reports.duplicates-value", "lodestone.deadletter-value", "lodestone.alerts-value");
    assertThat(SchemaRegistration.register(new SchemaRegistryClient(stack.registryUrl()), DEFAULT_TOPICS)).isEqualTo(ids);
    DEFAULT_TOPICS.forEach((contract, topic) ->
        assertThat(client.latest(topic + "-value").schema()).isEqualTo(contract.valueSchema()));
  }
}
