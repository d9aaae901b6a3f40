package io.lodestone.streams.deadletter;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * An output record that cannot be serialized (the report that led to it is poison for a later stage)
 * goes to the dead-letter topic with the source record's bytes; a registry outage fails the task so
 * that the record is retried. Errors sending to the broker keep Kafka Streams' default (retry or fail).
 */
public final class DeadLetterProductionHandler extends DefaultProductionExceptionHandler {
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    deadLetters = DeadLetters.configure(configs);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
      SerializationExceptionOrigin origin) {
    return DeadLetters.resumeOrFail("serializing a record for " + record.topic(), exception,
        () -> deadLetters.of(context, DeadLetters.reportId(record.key()), exception), Response::resume, Response::fail);
  }
}
