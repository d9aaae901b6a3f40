package io.lodestone.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryClientConfigTest {

  @Test
  void urlsAreSplitTrimmedAndStrippedOfTrailingSlashes() {
    RegistryClientConfig config = RegistryClientConfig.forUrl(" http://a:8081/apis/ccompat/v7/ , https://b:8081 ");

    assertThat(config.urls()).containsExactly(URI.create("http://a:8081/apis/ccompat/v7"), URI.create("https://b:8081"));
  }

  @Test
  void refusesUrlsThatAreNotHttp() {
    assertThatThrownBy(() -> RegistryClientConfig.forUrl("registry:8081"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not an http or https URL");
    assertThatThrownBy(() -> RegistryClientConfig.forUrl(" , "))
        .isInstanceOf(ConfigException.class)
        .hasMessage("schema.registry.url names no URL");
  }

  @Test
  void noCredentialsNoAuthorization() {
    assertThat(RegistryClientConfig.forUrl("http://a:8081").authorizationHeader()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "basic.auth.credentials.source, USER_INFO, basic.auth.user.info, lode:st@ne, Basic bG9kZTpzdEBuZQ==",
      "bearer.auth.credentials.source, STATIC_TOKEN, bearer.auth.token, t0ken, Bearer t0ken"})
  void authorizationFromConfiguredCredentials(String sourceKey, String source, String key, String secret, String header) {
    RegistryClientConfig config = new RegistryClientConfig(Map.of("schema.registry.url", "http://a:8081",
        sourceKey, source, key, secret));

    assertThat(config.authorizationHeader()).isEqualTo(header);
  }

  @Test
  void basicAuthFromTheUrlByDefaultAsInConfluentsClient() {
    assertThat(RegistryClientConfig.forUrl("http://lode:st%40ne@a:8081").authorizationHeader())
        .isEqualTo("Basic bG9kZTpzdEBuZQ==");
  }

  @Test
  void userInfoThatWouldBeIgnoredIsRefused() {
    assertThatThrownBy(() -> new RegistryClientConfig(Map.of("schema.registry.url", "http://a:8081",
        "basic.auth.user.info", "lode:stone")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("basic.auth.user.info is set but basic.auth.credentials.source is URL, so it would be ignored; "
            + "set basic.auth.credentials.source=USER_INFO");
  }

  @Test
  void basicAndBearerTogetherAreRefused() {
    assertThatThrownBy(() -> new RegistryClientConfig(Map.of("schema.registry.url", "http://u:p@a:8081",
        "bearer.auth.token", "t0ken")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("both basic-auth credentials and bearer.auth.token are set");
  }

  @Test
  void unsupportedCredentialSourcesAreRefused() {
    assertThatThrownBy(() -> new RegistryClientConfig(Map.of("schema.registry.url", "http://a:8081",
        "bearer.auth.credentials.source", "OAUTHBEARER")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bearer.auth.credentials.source");
    assertThatThrownBy(() -> new RegistryClientConfig(Map.of("schema.registry.url", "http://a:8081",
        "basic.auth.credentials.source", "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.credentials.source");
  }

  @Test
  void timeoutsAndRetries() {
    RegistryClientConfig config = new RegistryClientConfig(Map.of("schema.registry.url", "http://a:8081",
        "http.connect.timeout.ms", "1500", "http.read.timeout.ms", 2500, "max.retries", "5",
        "retries.wait.ms", "10", "retries.max.wait.ms", "40"));

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.maxRetries()).isEqualTo(5);
    assertThat(config.retryWaitMs()).isEqualTo(10);
    assertThat(config.retryMaxWaitMs()).isEqualTo(40);
  }
}
