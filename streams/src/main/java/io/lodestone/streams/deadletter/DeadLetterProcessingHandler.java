package io.lodestone.streams.deadletter;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws goes to the dead-letter topic with its source bytes and the error,
 * and the topology goes on; a registry outage fails the task instead, so that the record is retried.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (RegistryOutage.causedBy(exception)) {
      LOG.error("processing {}-{}@{} at {} needs the schema registry, which is unavailable; the record will be retried",
          context.topic(), context.partition(), context.offset(), context.processorNodeId());
      return Response.fail();
    }
    try {
      return Response.resume(deadLetters.of(context, DeadLetters.reportId(record.key()), exception));
    } catch (RuntimeException e) {
      LOG.error("cannot dead-letter {}-{}@{} ({}); the record will be retried", context.topic(), context.partition(),
          context.offset(), e.getMessage());
      return Response.fail();
    }
  }
}
