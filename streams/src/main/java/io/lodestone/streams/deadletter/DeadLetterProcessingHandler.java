package io.lodestone.streams.deadletter;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record whose processing throws goes to the dead-letter topic with its source bytes and the error,
 * and the topology goes on; a registry outage fails the task instead, so that the record is retried.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    return DeadLetters.resumeOrFail("processing " + context.topic() + "-" + context.partition() + "@" + context.offset()
        + " at " + context.processorNodeId(), exception,
        () -> deadLetters.of(context, DeadLetters.reportId(record.key()), exception), Response::resume, Response::fail);
  }
}
