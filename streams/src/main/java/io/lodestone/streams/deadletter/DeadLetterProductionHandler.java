package io.lodestone.streams.deadletter;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output record that cannot be serialized (the report that led to it is poison for a later stage)
 * goes to the dead-letter topic with the source record's bytes; a registry outage fails the task so
 * that the record is retried. Errors sending to the broker keep Kafka Streams' default (retry or fail).
 */
public final class DeadLetterProductionHandler extends DefaultProductionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
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
    if (RegistryOutage.causedBy(exception)) {
      LOG.error("cannot serialize a record for {}: the schema registry is unavailable; the source record will be retried",
          record.topic());
      return Response.fail();
    }
    try {
      return Response.resume(deadLetters.of(context, DeadLetters.reportId(record.key()), exception));
    } catch (RuntimeException e) {
      LOG.error("cannot dead-letter the source of a record for {} ({}); it will be retried", record.topic(), e.getMessage());
      return Response.fail();
    }
  }
}
