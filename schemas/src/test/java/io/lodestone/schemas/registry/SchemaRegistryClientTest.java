package io.lodestone.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.schemas.FakeRegistry;
import io.lodestone.schemas.FakeRegistry.Request;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.registry.SchemaRegistryException.RegistryUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client's protocol handling, against a local fake registry that can be made to fail on demand. */
class SchemaRegistryClientTest {
  private static final Schema SCHEMA = NewsReport.getClassSchema();
  private final FakeRegistry registry = FakeRegistry.start();

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void sendsBasicAuthFromUserInfo() {
    client(Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "lode:stone")).subjects();

    assertThat(registry.requests()).extracting(Request::authorization).containsExactly("Basic bG9kZTpzdG9uZQ==");
  }

  @Test
  void sendsBasicAuthFromTheUrlInTheHeaderOnly() {
    new SchemaRegistryClient(registry.url().replace("://", "://lode:stone@")).subjects();

    assertThat(registry.requests()).containsExactly(new Request("GET", "/subjects", "Basic bG9kZTpzdG9uZQ=="));
  }

  @Test
  void sendsABearerToken() {
    client(Map.of("bearer.auth.token", "t0ken")).subjects();

    assertThat(registry.requests()).extracting(Request::authorization).containsExactly("Bearer t0ken");
  }

  @Test
  void sendsNoAuthorizationWithoutCredentials() {
    client(Map.of()).subjects();

    assertThat(registry.requests()).extracting(Request::authorization).containsOnlyNulls();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "404 | 40401 | Subject 'x' not found.     | io.lodestone.schemas.registry.SchemaRegistryException$SubjectNotFoundException",
      "404 | 40402 | Version 9 not found.       | io.lodestone.schemas.registry.SchemaRegistryException$SchemaNotFoundException",
      "404 | 40403 | Schema 7 not found.        | io.lodestone.schemas.registry.SchemaRegistryException$SchemaNotFoundException",
      "409 | 409   | Incompatible with v1.      | io.lodestone.schemas.registry.SchemaRegistryException$IncompatibleSchemaException",
      "422 | 42201 | Invalid Avro schema.       | io.lodestone.schemas.registry.SchemaRegistryException$InvalidSchemaException",
      "422 | 42203 | Invalid compatibility.     | io.lodestone.schemas.registry.SchemaRegistryException"})
  void registryErrorsBecomeTypedExceptionsWithCodeAndMessage(int status, int code, String message, Class<?> type) {
    registry.answerNext(status, "{\"error_code\":" + code + ",\"message\":\"" + message + "\"}");

    assertThatThrownBy(() -> client(Map.of()).register("x-value", SCHEMA))
        .isExactlyInstanceOf(type)
        .hasMessage("The schema registry at " + registry.url() + " refused to register io.lodestone.schemas.NewsReport "
            + "under subject x-value (error " + code + "): " + message)
        .satisfies(e -> {
          assertThat(((SchemaRegistryException) e).status()).isEqualTo(status);
          assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(code);
        });
    assertThat(registry.requests()).hasSize(1);
  }

  @Test
  void aNotFoundWithoutConfluentErrorCodeHintsAtTheUrl() {
    registry.answerNext(404, "<html>Not Found</html>");

    assertThatThrownBy(() -> client(Map.of()).subjects())
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageEndingWith("(error 404): <html>Not Found</html>; is schema.registry.url the base of the registry's "
            + "Confluent API (for Apicurio, .../apis/ccompat/v7)?");
  }

  @Test
  void anUnauthorizedAnswerHintsAtTheCredentials() {
    registry.answerNext(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

    assertThatThrownBy(() -> client(Map.of()).subjects())
        .hasMessageEndingWith("(error 401): Unauthorized; check basic.auth.credentials.source, basic.auth.user.info "
            + "or bearer.auth.token");
  }

  @Test
  void retries5xxAnswersThenSucceeds() {
    registry.answerNext(503, "").answerNext(500, "{\"error_code\":50001,\"message\":\"store busy\"}");

    assertThat(client(Map.of("max.retries", 2)).register("x-value", SCHEMA)).isEqualTo(1);
    assertThat(registry.requests()).hasSize(3);
  }

  @Test
  void retriesAreBoundedAndEndInRegistryUnavailable() {
    for (int i = 0; i < 3; i++) {
      registry.answerNext(500, "{\"error_code\":50001,\"message\":\"store down\"}");
    }

    assertThatThrownBy(() -> client(Map.of("max.retries", 2)).register("x-value", SCHEMA))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessage("The schema registry at [" + registry.url() + "] could not register io.lodestone.schemas.NewsReport "
            + "under subject x-value in 3 attempt(s): " + registry.url() + " answered HTTP 500 (error 50001): store down")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(50001));
    assertThat(registry.requests()).hasSize(3);
  }

  @Test
  void anUnreachableRegistryIsRetriedThenUnavailable() throws IOException {
    String closed = "http://127.0.0.1:" + closedPort();

    assertThatThrownBy(() -> new SchemaRegistryClient(new RegistryClientConfig(Map.of("schema.registry.url", closed,
        "max.retries", 1, "retries.wait.ms", 1))).subjects())
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageStartingWith("The schema registry at [" + closed + "] could not list subjects in 2 attempt(s): " + closed + ": ")
        .hasCauseInstanceOf(java.net.ConnectException.class)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(-1));
  }

  @Test
  void theNextUrlIsTriedWhenOneCannotBeReached() throws IOException {
    SchemaRegistryClient client = new SchemaRegistryClient(new RegistryClientConfig(Map.of(
        "schema.registry.url", "http://127.0.0.1:" + closedPort() + "," + registry.url(), "max.retries", 0)));

    assertThat(client.register("x-value", SCHEMA)).isEqualTo(1);
  }

  @Test
  void aRegistryThatDoesNotAnswerInTimeIsUnavailable() {
    registry.answerNext(200, "[]", Duration.ofSeconds(5));

    assertThatThrownBy(() -> client(Map.of("http.read.timeout.ms", 200, "max.retries", 0)).subjects())
        .isInstanceOf(RegistryUnavailableException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void anAnswerThatIsNotJsonIsAnError() {
    registry.answerNext(200, "<html>login</html>");

    assertThatThrownBy(() -> client(Map.of()).subjects())
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessage("The schema registry at " + registry.url()
            + " answered the request to list subjects with something that is not JSON: <html>login</html>");
  }

  @Test
  void schemasByIdAndIdsBySubjectAreCached() {
    SchemaRegistryClient writer = client(Map.of());
    int id = writer.register("x-value", SCHEMA);
    writer.register("x-value", SCHEMA);
    SchemaRegistryClient reader = client(Map.of());

    assertThat(reader.schemaById(id)).isEqualTo(SCHEMA);
    assertThat(reader.schemaById(id)).isEqualTo(SCHEMA);
    assertThat(registry.requests()).extracting(Request::uri).containsExactly("/subjects/x-value/versions", "/schemas/ids/1");
  }

  @Test
  void subjectsAreEscapedInPaths() {
    client(Map.of()).register("a topic/with?odd chars-value", SCHEMA);

    assertThat(registry.requests()).extracting(Request::uri)
        .containsExactly("/subjects/a%20topic%2Fwith%3Fodd%20chars-value/versions");
    assertThat(client(Map.of()).subjects()).containsExactly("a topic/with?odd chars-value");
  }

  @Test
  void compatibilityIsReadWithTheGlobalFallbackAndSet() {
    registry.answerNext(200, "{\"compatibilityLevel\":\"BACKWARD\"}").answerNext(200, "{\"compatibility\":\"FULL\"}");
    SchemaRegistryClient client = client(Map.of());

    assertThat(client.compatibility("x-value")).isEqualTo("BACKWARD");
    client.setCompatibility("x-value", "FULL");
    assertThat(registry.requests()).extracting(Request::method, Request::uri).containsExactly(
        org.assertj.core.groups.Tuple.tuple("GET", "/config/x-value?defaultToGlobal=true"),
        org.assertj.core.groups.Tuple.tuple("PUT", "/config/x-value"));
  }

  /**
   * https URLs are verified against the JVM's default trust store: a self-signed registry is refused
   * until its certificate is in the default SSLContext (what -Djavax.net.ssl.trustStore sets up).
   */
  @Test
  void httpsUsesTheJvmDefaultTrustStore(@TempDir Path dir) throws Exception {
    KeyStore store = selfSignedKeyStore(dir.resolve("registry.p12"));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keys.getKeyManagers(), null, null);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext trusting = SSLContext.getInstance("TLS");
    trusting.init(null, trust.getTrustManagers(), null);
    SSLContext jvmDefault = SSLContext.getDefault();

    try (FakeRegistry tls = FakeRegistry.startTls(serverTls)) {
      assertThatThrownBy(() -> new SchemaRegistryClient(new RegistryClientConfig(Map.of("schema.registry.url", tls.url(),
          "max.retries", 0))).subjects())
          .isInstanceOf(RegistryUnavailableException.class)
          .hasCauseInstanceOf(SSLHandshakeException.class);

      SSLContext.setDefault(trusting);
      assertThat(new SchemaRegistryClient(tls.url()).register("x-value", SCHEMA)).isEqualTo(1);
    } finally {
      SSLContext.setDefault(jvmDefault);
    }
  }

  private static final char[] PASSWORD = "changeit".toCharArray();

  private static KeyStore selfSignedKeyStore(Path file) throws Exception {
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as("keytool: %s", output).isZero();
    return KeyStore.getInstance(file.toFile(), PASSWORD);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private SchemaRegistryClient client(Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put("schema.registry.url", registry.url());
    config.putIfAbsent("retries.wait.ms", 1);
    return new SchemaRegistryClient(new RegistryClientConfig(config));
  }
}
