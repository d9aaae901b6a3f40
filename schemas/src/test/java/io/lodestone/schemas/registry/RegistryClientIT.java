package io.lodestone.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.registry.SchemaRegistryException.SchemaNotFoundException;
import io.lodestone.schemas.registry.SchemaRegistryException.SubjectNotFoundException;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client against a real registry: Apicurio's Confluent-compatible API, from the test harness. */
@ExtendWith(TestStackExtension.class)
class RegistryClientIT {
  private static final Schema SCHEMA = NewsReport.getClassSchema();
  private final String subject = "it.client-" + UUID.randomUUID() + "-value";

  @Test
  void registersFetchesByIdListsLooksUpAndDeletes(TestStack stack) {
    SchemaRegistryClient client = new SchemaRegistryClient(stack.registryUrl());

    int id = client.register(subject, SCHEMA);

    assertThat(new SchemaRegistryClient(stack.registryUrl()).register(subject, SCHEMA)).isEqualTo(id);
    assertThat(new SchemaRegistryClient(stack.registryUrl()).schemaById(id)).isEqualTo(SCHEMA);
    assertThat(client.latest(subject)).isEqualTo(new SchemaRegistryClient.SchemaVersion(subject, 1, id, SCHEMA));
    assertThat(client.versions(subject)).containsExactly(1);
    assertThat(new SchemaRegistryClient(stack.registryUrl()).lookup(subject, SCHEMA)).isEqualTo(id);
    assertThat(client.subjects()).contains(subject);
    assertThat(client.isCompatible(subject, SCHEMA)).isTrue();
    assertThat(client.deleteSubject(subject)).containsExactly(1);
    assertThat(client.subjects()).doesNotContain(subject);
  }

  @Test
  void registryErrorsArriveTypedWithTheRegistrysCodeAndMessage(TestStack stack) {
    SchemaRegistryClient client = new SchemaRegistryClient(stack.registryUrl());
    client.register(subject, SCHEMA);

    assertThatThrownBy(() -> client.schemaById(999_999)).isInstanceOf(SchemaNotFoundException.class)
        .hasMessageContaining("refused to fetch schema id 999999 (error 40403)")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(404));
    assertThatThrownBy(() -> client.latest("it.no-such-subject")).isInstanceOf(SubjectNotFoundException.class)
        .hasMessageContaining("(error 40401)");
    assertThatThrownBy(() -> client.version(subject, "99")).isInstanceOf(SchemaNotFoundException.class)
        .hasMessageContaining("(error 40402)");
    assertThatThrownBy(() -> client.lookup(subject, EnrichedReport.getClassSchema()))
        .isInstanceOf(SchemaNotFoundException.class).hasMessageContaining("(error 40403)");
    assertThatThrownBy(() -> client.setCompatibility(subject, "SIDEWAYS"))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("refused to set the compatibility level of subject " + subject + " to SIDEWAYS (error 42203)");
  }

  @Test
  void compatibilityIsTheGlobalBackwardUntilTheSubjectSetsItsOwn(TestStack stack) {
    SchemaRegistryClient client = new SchemaRegistryClient(stack.registryUrl());
    client.register(subject, SCHEMA);

    assertThat(client.compatibility(null)).isEqualTo("BACKWARD");
    assertThat(client.compatibility(subject)).isEqualTo("BACKWARD");
    client.setCompatibility(subject, "FULL_TRANSITIVE");
    assertThat(client.compatibility(subject)).isEqualTo("FULL_TRANSITIVE");
    assertThat(client.compatibility(null)).isEqualTo("BACKWARD");
  }

  @Test
  void aWrongBasePathIsReportedWithAHint(TestStack stack) {
    String root = stack.registryUrl().replace(io.lodestone.stack.RegistryServer.CCOMPAT_PATH, "");

    assertThatThrownBy(() -> new SchemaRegistryClient(root).subjects())
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("(error 404)")
        .hasMessageEndingWith("is schema.registry.url the base of the registry's Confluent API (for Apicurio, .../apis/ccompat/v7)?");
  }
}
