package io.lodestone.core.kafka;

/**
 * Kafka did not answer; the message says so in one sentence that tells the user what to check, so a command
 * line shows it as it is (no pointer to a stack trace).
 */
public final class KafkaUnreachableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public KafkaUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
