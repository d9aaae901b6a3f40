package io.lodestone.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.alerts.files.DataFileException;
import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.Severity;
import io.lodestone.schemas.SupplyChainAlert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionsFileTest {
  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("webhooks.yaml"), yaml);
  }

  private static SupplyChainAlert alert(Severity severity, AlertKind kind, List<String> themes, List<String> minerals,
      List<String> countries) {
    return SupplyChainAlert.newBuilder().setId("x").setKind(kind).setRule("r").setSeverity(severity).setThemes(themes)
        .setMinerals(minerals).setCountries(countries).setReportIds(List.of()).setSummary("s").setWindow(null)
        .setCreatedAt(Instant.EPOCH).build();
  }

  @Test
  void readsSubscriptionsWithSecretsFromTheEnvironmentOrAFileAndFilters() throws IOException {
    Files.writeString(dir.resolve("analysts.secret"), "file-secret\n");
    List<Subscription> subscriptions = SubscriptionsFile.read(file("""
        subscriptions:
          - id: ops
            url: https://hooks.example.org/lodestone?token=abc
            secret_env: OPS_SECRET
            filters:
              min_severity: high
              kinds: [rule]
              themes: [Supply-Disruption]
              countries: [cd, cn]
          - id: analysts
            url: http://127.0.0.1:8080/alerts
            secret_file: analysts.secret
        """), Map.of("OPS_SECRET", "env-secret"));

    Subscription ops = subscriptions.get(0);
    assertThat(ops.id()).isEqualTo("ops");
    assertThat(new String(ops.secret(), StandardCharsets.UTF_8)).isEqualTo("env-secret");
    assertThat(ops.toString()).doesNotContain("token").doesNotContain("secret");
    assertThat(new String(subscriptions.get(1).secret(), StandardCharsets.UTF_8)).isEqualTo("file-secret");

    SupplyChainAlert wanted = alert(Severity.CRITICAL, AlertKind.RULE, List.of("supply-disruption"), List.of("cobalt"),
        List.of("CD"));
    assertThat(ops.filter().matches(wanted)).isTrue();
    assertThat(ops.filter().matches(alert(Severity.MEDIUM, AlertKind.RULE, List.of("supply-disruption"), List.of(),
        List.of("CD")))).as("severity below the minimum").isFalse();
    assertThat(ops.filter().matches(alert(Severity.HIGH, AlertKind.SPIKE, List.of("supply-disruption"), List.of(),
        List.of("CD")))).as("kind").isFalse();
    assertThat(ops.filter().matches(alert(Severity.HIGH, AlertKind.RULE, List.of("recycling-circular"), List.of(),
        List.of("CD")))).as("theme").isFalse();
    assertThat(ops.filter().matches(alert(Severity.HIGH, AlertKind.RULE, List.of("supply-disruption"), List.of(),
        List.of("CL")))).as("country").isFalse();
    assertThat(subscriptions.get(1).filter().matches(alert(Severity.LOW, AlertKind.SPIKE, List.of(), List.of(),
        List.of()))).as("no filter").isTrue();
  }

  @Test
  void aMissingSecretIsOneSentenceWithoutTheUrl() throws IOException {
    Path file = file("""
        subscriptions:
          - id: ops
            url: https://hooks.example.org/lodestone?token=abc
            secret_env: OPS_SECRET
        """);

    assertThatThrownBy(() -> SubscriptionsFile.read(file, Map.of())).isInstanceOf(DataFileException.class)
        .hasMessage(file + ": subscription ops: environment variable OPS_SECRET is not set");
  }

  @Test
  void badUrlsDuplicateIdsAndAmbiguousSecretsAreRefused() throws IOException {
    Path ftp = file("subscriptions:\n  - {id: a, url: 'ftp://example.org/x?token=abc', secret_env: S}\n");
    assertThatThrownBy(() -> SubscriptionsFile.read(ftp, Map.of("S", "x")))
        .hasMessage(ftp + ": subscription a needs an absolute http(s) url");

    Path twice = file("subscriptions:\n  - {id: a, url: 'http://h/x', secret_env: S}\n  - {id: a, url: 'http://h/y', secret_env: S}\n");
    assertThatThrownBy(() -> SubscriptionsFile.read(twice, Map.of("S", "x"))).hasMessageEndingWith("subscription a appears twice");

    Path both = file("subscriptions:\n  - {id: a, url: 'http://h/x', secret_env: S, secret_file: s.txt}\n");
    assertThatThrownBy(() -> SubscriptionsFile.read(both, Map.of("S", "x")))
        .hasMessageEndingWith("needs exactly one of secret_env and secret_file");
  }

  @Test
  void theShippedFileHasNoSubscriptions() {
    assertThat(SubscriptionsFile.read(Path.of(System.getProperty("lodestone.repo", ".."), "deploy/alerts/webhooks.yaml"),
        Map.of())).isEmpty();
  }
}
