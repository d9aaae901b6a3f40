package io.lodestone.streams.deadletter;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be deserialized goes to the dead-letter topic and the topology goes on; a
 * registry outage fails the task instead, so that the record is retried (see {@link RegistryOutage}).
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (RegistryOutage.causedBy(exception)) {
      LOG.error("cannot deserialize {}-{}@{}: the schema registry is unavailable; the record will be retried: {}",
          record.topic(), record.partition(), record.offset(), exception.getMessage());
      return Response.fail();
    }
    try {
      return Response.resume(deadLetters.of(record.topic(), record.partition(), record.offset(), record.key(),
          record.value(), DeadLetters.reportId(record.key()), "deserialization", exception));
    } catch (RuntimeException e) {
      LOG.error("cannot dead-letter {}-{}@{} ({}); the record will be retried", record.topic(), record.partition(),
          record.offset(), e.getMessage());
      return Response.fail();
    }
  }
}
