package io.lodestone.streams.deadletter;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record that cannot be deserialized goes to the dead-letter topic and the topology goes on; a
 * registry outage fails the task instead, so that the record is retried (see {@link RegistryOutage}).
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return DeadLetters.resumeOrFail("deserializing " + record.topic() + "-" + record.partition() + "@" + record.offset(),
        exception, () -> deadLetters.of(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
            DeadLetters.reportId(record.key()), "deserialization", exception), Response::resume, Response::fail);
  }
}
