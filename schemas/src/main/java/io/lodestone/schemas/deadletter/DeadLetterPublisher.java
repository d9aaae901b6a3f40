package io.lodestone.schemas.deadletter;

import io.lodestone.schemas.DeadLetter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes dead letters (acks=all, idempotent) and waits for the acknowledgement: the failed record's
 * offset may be committed only once its dead letter is safe. Used by the consumer loops of the sink and
 * the alerts app; thread-safe.
 */
public final class DeadLetterPublisher implements AutoCloseable {
  private final KafkaProducer<byte[], DeadLetter> producer;
  private final String topic;

  public DeadLetterPublisher(Map<String, Object> producerProps, Serializer<DeadLetter> serializer, String topic) {
    Map<String, Object> props = new HashMap<>(producerProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), serializer);
    this.topic = topic;
  }

  /** @throws KafkaException when the dead letter could not be written; the record must then not be committed */
  public void publish(String stage, ConsumerRecord<byte[], byte[]> record, String reportId, String errorClass,
      String message) throws InterruptedException {
    DeadLetter letter = DeadLetterRecords.of(stage, record, reportId, errorClass, message, Instant.now());
    try {
      producer.send(new ProducerRecord<>(topic, record.key(), letter)).get();
    } catch (ExecutionException e) {
      throw new KafkaException("cannot publish a dead letter to " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
