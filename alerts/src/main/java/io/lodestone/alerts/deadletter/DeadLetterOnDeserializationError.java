package io.lodestone.alerts.deadletter;

import io.lodestone.schemas.deadletter.DeadLetterRecords;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.registry.RegistryClientConfig;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.registry.SchemaRegistryException;
import io.lodestone.schemas.serde.AvroSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record of the enriched topic the topology cannot read goes to the dead-letter topic, as an Avro
 * {@link DeadLetter} (stage alerts) written in the same transaction, and processing goes on. When the
 * registry is unreachable the record is not bad: the handler fails, the stream thread is replaced and the
 * record is read again from the last commit.
 */
public final class DeadLetterOnDeserializationError implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnDeserializationError.class);

  /** Streams configuration key of the dead-letter topic (not topic.*: Streams reads those as internal-topic configs). */
  public static final String TOPIC_CONFIG = "lodestone.dead-letter.topic";

  private AvroSerializer<DeadLetter> serializer;
  private String topic;

  /** Reads the dead-letter topic ({@link #TOPIC_CONFIG}) and the registry options from the streams configuration. */
  @Override
  public void configure(Map<String, ?> configs) {
    Object configured = configs.get(TOPIC_CONFIG);
    topic = configured == null ? CommonOptions.DEFAULT_TOPIC_DEAD_LETTER : configured.toString();
    serializer = new AvroSerializer<>(new SchemaRegistryClient(new RegistryClientConfig(configs)));
    serializer.configure(configs, false);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof SchemaRegistryException && !(exception instanceof SchemaRegistryException.SchemaNotFoundException)) {
      LOG.warn("cannot read {}-{}@{} while the schema registry is unreachable: {}", record.topic(), record.partition(),
          record.offset(), exception.getMessage());
      return Response.fail();
    }
    LOG.error("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), exception.getMessage());
    DeadLetter letter = DeadLetterRecords.of(DeadLetters.STAGE_ALERTS, record, null, exception.getClass().getName(),
        String.valueOf(exception.getMessage()), Instant.now());
    return Response.resume(List.of(new ProducerRecord<>(topic, record.key(), serializer.serialize(topic, letter))));
  }
}
