package io.lodestone.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.schemas.FakeRegistry;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.Reports;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException.RegistryUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a payload can be unreadable raises a SerializationException that names the problem, so that
 * apps can dead-letter the record; a registry outage raises something else, so that they do not.
 */
class MalformedPayloadTest {
  private static final String TOPIC = "lodestone.reports.raw";
  private final FakeRegistry registry = FakeRegistry.start();
  private final AvroSerde<NewsReport> serde = AvroSerde.specific(NewsReport.class, Map.of("schema.registry.url", registry.url()), false);
  private final byte[] valid = serde.serializer().serialize(TOPIC, Reports.newsReport("r1"));

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void wrongMagicByte() {
    byte[] payload = valid.clone();
    payload[0] = 1;

    assertThatThrownBy(() -> read(payload)).isInstanceOf(SerializationException.class)
        .hasMessage("Unknown magic byte 0x01 on topic lodestone.reports.raw: not a Confluent-framed Avro record");
  }

  @Test
  void jsonInsteadOfAvro() {
    assertThatThrownBy(() -> read("{\"id\":\"r1\"}".getBytes())).isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Unknown magic byte 0x7b on topic lodestone.reports.raw");
  }

  @Test
  void shorterThanTheHeader() {
    assertThatThrownBy(() -> read(new byte[] {0, 0, 1})).isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Record of 3 bytes on topic lodestone.reports.raw is too short for the Confluent wire format");
  }

  @Test
  void unknownSchemaId() {
    byte[] payload = valid.clone();
    WireFormat.writeHeader(payload, 999);

    assertThatThrownBy(() -> read(payload)).isInstanceOf(SerializationException.class)
        .hasMessage("Unknown schema id 999 on topic lodestone.reports.raw: the schema registry has no such schema");
  }

  @Test
  void truncatedPayload() {
    byte[] payload = Arrays.copyOf(valid, valid.length / 2);

    assertThatThrownBy(() -> read(payload)).isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Truncated Avro record of schema id 1 on topic lodestone.reports.raw: its "
            + (payload.length - 5) + " bytes end before the record does");
  }

  @Test
  void headerOnly() {
    assertThatThrownBy(() -> read(Arrays.copyOf(valid, 5))).isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Truncated Avro record of schema id 1 on topic lodestone.reports.raw: its 0 bytes");
  }

  @Test
  void corruptVarint() {
    byte[] payload = Arrays.copyOf(valid, 5 + 10);
    Arrays.fill(payload, 5, payload.length, (byte) 0xff);

    assertThatThrownBy(() -> read(payload)).isInstanceOf(SerializationException.class)
        .hasMessage("Corrupt Avro record of schema id 1 on topic lodestone.reports.raw (10 bytes): "
            + "InvalidNumberEncodingException: Invalid long encoding");
  }

  @Test
  void corruptLength() {
    byte[] payload = valid.clone();
    payload[5] = 3; // the id string's length, zig-zag encoded: -2

    assertThatThrownBy(() -> read(payload)).isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Corrupt Avro record of schema id 1 on topic lodestone.reports.raw")
        .hasMessageContaining("Length is negative");
  }

  @Test
  void bytesLeftOver() {
    byte[] payload = Arrays.copyOf(valid, valid.length + 3);

    assertThatThrownBy(() -> read(payload)).isInstanceOf(SerializationException.class)
        .hasMessage("Corrupt Avro record of schema id 1 on topic lodestone.reports.raw: 3 of its "
            + (payload.length - 5) + " bytes are left over after the record");
  }

  @Test
  void schemaIdOfANonAvroSchema() {
    int id = registry.put("other-value", "{\"type\":\"object\"}", "JSON");
    byte[] payload = valid.clone();
    WireFormat.writeHeader(payload, id);

    assertThatThrownBy(() -> read(payload)).isInstanceOf(SerializationException.class)
        .hasMessage("Schema id " + id + " on topic lodestone.reports.raw cannot be used: schema id " + id
            + " is a JSON schema, not an Avro schema");
  }

  @Test
  void writerSchemaThatTheReaderCannotRead() {
    int id = registry.put("other-value", SchemaBuilder.record("NewsReport").namespace("io.lodestone.schemas").fields()
        .requiredInt("id").endRecord().toString(), "AVRO");
    byte[] payload = {0, 0, 0, 0, (byte) id, 2};

    assertThatThrownBy(() -> read(payload)).isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Records of schema id " + id + " on topic lodestone.reports.raw cannot be read as "
            + "io.lodestone.schemas.NewsReport: ");
  }

  @Test
  void noGeneratedClassForASpecificReader() {
    int id = registry.put("other-value", SchemaBuilder.record("Unknown").namespace("io.lodestone.test").fields()
        .requiredInt("n").endRecord().toString(), "AVRO");
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of("schema.registry.url", registry.url(), "specific.avro.reader", true), false);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 0, (byte) id, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("No generated class io.lodestone.test.Unknown on the class path for schema id " + id);
  }

  @Test
  void anUnreachableRegistryIsNotABadRecord() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AvroDeserializer<NewsReport> deserializer = new AvroDeserializer<>(new SchemaRegistryClient(
        new io.lodestone.schemas.registry.RegistryClientConfig(Map.of("schema.registry.url", "http://127.0.0.1:" + closedPort,
            "max.retries", 0))), NewsReport.class);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, valid))
        .isInstanceOf(RegistryUnavailableException.class)
        .isNotInstanceOf(SerializationException.class)
        .hasMessageStartingWith("The schema registry at [http://127.0.0.1:" + closedPort + "] could not fetch schema id 1 in 1 attempt(s)");
  }

  @Test
  void theValidPayloadStillReads() {
    assertThat(read(valid)).isEqualTo(Reports.newsReport("r1"));
  }

  private NewsReport read(byte[] payload) {
    return serde.deserializer().deserialize(TOPIC, payload);
  }
}
