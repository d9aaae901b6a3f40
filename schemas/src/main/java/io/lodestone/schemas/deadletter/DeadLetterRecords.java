package io.lodestone.schemas.deadletter;

import io.lodestone.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The {@link DeadLetter} of a record a stage could not process: where it was, its bytes, and why. */
public final class DeadLetterRecords {
  private DeadLetterRecords() {}

  public static DeadLetter of(String stage, String topic, int partition, long offset, byte[] key, byte[] value,
      String reportId, String errorClass, String message, Instant at) {
    return DeadLetter.newBuilder()
        .setStage(stage).setTopic(topic == null ? "" : topic).setPartition(partition).setOffset(offset)
        .setReportId(reportId)
        .setKey(key == null ? null : ByteBuffer.wrap(key))
        .setValue(value == null ? null : ByteBuffer.wrap(value))
        .setErrorClass(errorClass).setErrorMessage(message == null ? errorClass : message).setTimestamp(at)
        .build();
  }

  public static DeadLetter of(String stage, ConsumerRecord<byte[], byte[]> record, String reportId, String errorClass,
      String message, Instant at) {
    return of(stage, record.topic(), record.partition(), record.offset(), record.key(), record.value(), reportId,
        errorClass, message, at);
  }
}
