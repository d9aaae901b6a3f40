package io.lodestone.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroSerde;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestStackExtension.class)
class RegistryRoundTripIT {

  @Test
  void serializedReportIsRegisteredUnderTopicValueSubjectAndReadsBack(TestStack stack) {
    SchemaRegistryClient client = new SchemaRegistryClient(stack.registryUrl());
    AvroSerde<NewsReport> serde = AvroSerde.specific(NewsReport.class, client);
    serde.configure(Map.of("schema.registry.url", stack.registryUrl()), false);

    NewsReport report = Reports.newsReport("r1");
    byte[] bytes = serde.serializer().serialize("lodestone.reports.raw", report);

    assertThat(bytes[0]).isZero();
    assertThat(client.subjects()).contains("lodestone.reports.raw-value");
    assertThat(serde.deserializer().deserialize("lodestone.reports.raw", bytes)).isEqualTo(report);
  }
}
