package io.lodestone.streams.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.registry.RegistryClientConfig;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.streams.TestReports;
import io.lodestone.streams.TopologySerdes;
import io.lodestone.streams.app.StreamsApp;
import io.lodestone.streams.offline.OfflineTopology;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterHandlersTest {

  /** Throws for the key "bad", as a stage would on a record it cannot handle. */
  private static final class FailingStage implements FixedKeyProcessor<String, String, String> {
    private FixedKeyProcessorContext<String, String> context;

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
      if ("bad".equals(record.key())) {
        throw new IllegalArgumentException("cannot handle " + record.value());
      }
      context.forward(record);
    }
  }

  @Test
  void processingFailureIsDeadLetteredWithTheSourceBytesAndTheTopologyGoesOn(@TempDir Path stateDir) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .processValues(FailingStage::new, Named.as("failing-stage"))
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.putAll(StreamsApp.deadLetterProperties(TestReports.config(Map.of())));
    TopologySerdes serdes = TopologySerdes.embedded();
    props.put(DeadLetters.SERIALIZER, serdes.deadLetter().serializer());

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
      TestOutputTopic<byte[], DeadLetter> deadLetters = driver.createOutputTopic(CommonOptions.DEFAULT_TOPIC_DEAD_LETTER,
          Serdes.ByteArray().deserializer(), serdes.deadLetter().deserializer());

      in.pipeInput("bad", "payload");
      in.pipeInput("good", "fine");

      DeadLetter letter = deadLetters.readValue();
      assertThat(letter.getReportId()).isEqualTo("bad");
      assertThat(letter.getTopic()).isEqualTo("in");
      assertThat(letter.getOffset()).isZero();
      assertThat(letter.getErrorClass()).isEqualTo(IllegalArgumentException.class.getName());
      assertThat(letter.getErrorMessage()).isEqualTo("cannot handle payload");
      assertThat(new String(letter.getValue().array(), StandardCharsets.UTF_8)).isEqualTo("payload");
      assertThat(deadLetters.isEmpty()).isTrue();
      assertThat(out.readKeyValue().key).isEqualTo("good");
    }
  }

  @Test
  void registryOutageFailsTheTaskForARetryInsteadOfDeadLettering() throws IOException {
    String unreachable = "http://127.0.0.1:" + freePort();
    Map<String, Object> registry = Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, unreachable, RegistryClientConfig.MAX_RETRIES, 0);
    TopologySerdes serdes = TopologySerdes.registry(new SchemaRegistryClient(new RegistryClientConfig(registry)), registry);
    byte[] framedWithUnknownSchema = {0, 0, 0, 0, 7, 2, 4, 6};

    try (OfflineTopology topology = new OfflineTopology(TestReports.config(Map.of(CommonOptions.SCHEMA_REGISTRY_URL, unreachable)),
        serdes, null)) {
      assertThatThrownBy(() -> topology.processBytes("r1".getBytes(StandardCharsets.UTF_8), framedWithUnknownSchema, Instant.now()))
          .satisfies(error -> assertThat(RegistryOutage.causedBy(error)).isTrue());
    }
  }

  @Test
  void deserializationHandlerDeadLettersPoisonButNotAnOutage() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(Map.of(DeadLetters.SERIALIZER, TopologySerdes.embedded().deadLetter().serializer()));
    var record = new org.apache.kafka.clients.consumer.ConsumerRecord<>("raw", 2, 41L, "k".getBytes(StandardCharsets.UTF_8),
        new byte[] {1, 2});

    var poison = handler.handleError(null, record, new org.apache.kafka.common.errors.SerializationException("bad bytes"));
    var outage = handler.handleError(null, record, new org.apache.kafka.common.errors.SerializationException("wrapped",
        new io.lodestone.schemas.registry.SchemaRegistryException("cannot reach the schema registry", null)));

    assertThat(poison.result()).isEqualTo(org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result.RESUME);
    assertThat(poison.deadLetterQueueRecords()).hasSize(1);
    assertThat(poison.deadLetterQueueRecords().get(0).topic()).isEqualTo(CommonOptions.DEFAULT_TOPIC_DEAD_LETTER);
    assertThat(outage.result()).isEqualTo(org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result.FAIL);
    assertThat(outage.deadLetterQueueRecords()).isEmpty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
