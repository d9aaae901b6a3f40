package io.lodestone.sink.app;

import io.lodestone.schemas.DeadLetter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes records the sink cannot index to the dead-letter topic, with the reason, and waits for the
 * acknowledgement: the source offset may only be committed once the dead letter is safe.
 */
public final class DeadLetterPublisher implements AutoCloseable {
  private final KafkaProducer<byte[], DeadLetter> producer;
  private final String topic;

  public DeadLetterPublisher(Map<String, Object> producerProps, Serializer<DeadLetter> serializer, String topic) {
    Map<String, Object> props = new java.util.HashMap<>(producerProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), serializer);
    this.topic = topic;
  }

  public void publish(String stage, ConsumerRecord<byte[], byte[]> record, String reportId, String errorClass, String message) {
    DeadLetter letter = DeadLetter.newBuilder()
        .setStage(stage).setTopic(record.topic()).setPartition(record.partition()).setOffset(record.offset())
        .setReportId(reportId)
        .setKey(record.key() == null ? null : java.nio.ByteBuffer.wrap(record.key()))
        .setValue(record.value() == null ? null : java.nio.ByteBuffer.wrap(record.value()))
        .setErrorClass(errorClass).setErrorMessage(message).setTimestamp(Instant.now())
        .build();
    try {
      producer.send(new ProducerRecord<>(topic, record.key(), letter)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot publish a dead letter to " + topic + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing a dead letter", e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
