package io.lodestone.alerts.deadletter;

import io.lodestone.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Dead letters of the alerts app: the failed record as it was read, and why. */
public final class DeadLetters {
  /** Stage of alerts the topology could not read. */
  public static final String STAGE_ALERTS = "alerts";
  /** Stage of alerts that could not be delivered to a webhook subscriber. */
  public static final String STAGE_WEBHOOK = "webhook";
  /** Stage of alerts Elasticsearch refused to index. */
  public static final String STAGE_INDEX = "alerts-index";

  private DeadLetters() {}

  public static DeadLetter of(String stage, ConsumerRecord<byte[], byte[]> record, String reportId, String errorClass,
      String message, Instant now) {
    return DeadLetter.newBuilder()
        .setStage(stage).setTopic(record.topic()).setPartition(record.partition()).setOffset(record.offset())
        .setReportId(reportId)
        .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setErrorClass(errorClass).setErrorMessage(message).setTimestamp(now)
        .build();
  }
}
