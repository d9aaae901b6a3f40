package io.lodestone.streams.deadletter;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.deadletter.DeadLetterRecords;
import io.lodestone.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the records the exception handlers send to the dead-letter topic: an Avro {@link DeadLetter}
 * keyed by the failed record's key bytes, holding its coordinates, bytes and the error. Configured from
 * the Streams configuration: the topic under {@link #TOPIC}, and either a serializer instance under
 * {@link #SERIALIZER} (offline runs and tests) or the registry settings ({@code schema.registry.url}).
 */
public final class DeadLetters {
  /** The dead-letter topic (not {@code topic.dead-letter}: Streams reads {@code topic.*} as internal-topic configs). */
  public static final String TOPIC = "lodestone.deadletter.topic";
  /** Optional: a {@code Serializer<DeadLetter>} instance to use instead of a registry-backed one. */
  public static final String SERIALIZER = "lodestone.deadletter.serializer";
  public static final String STAGE = "streams";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private static final int MAX_MESSAGE = 2_000;

  private final String topic;
  private final Serializer<DeadLetter> serializer;

  private DeadLetters(String topic, Serializer<DeadLetter> serializer) {
    this.topic = topic;
    this.serializer = serializer;
  }

  @SuppressWarnings("unchecked")
  public static DeadLetters configure(Map<String, ?> configs) {
    Object topic = configs.get(TOPIC);
    Object serializer = configs.get(SERIALIZER);
    return new DeadLetters(topic == null ? CommonOptions.DEFAULT_TOPIC_DEAD_LETTER : topic.toString(),
        serializer instanceof Serializer<?> given ? (Serializer<DeadLetter>) given
            : AvroSerde.specific(DeadLetter.class, configs, false).serializer());
  }

  /** The dead-letter record of a failed record, logged on one line. */
  public List<ProducerRecord<byte[], byte[]>> of(String topicOfRecord, int partition, long offset, byte[] key, byte[] value,
      String reportId, String where, Exception error) {
    String message = describe(error);
    DeadLetter letter = DeadLetterRecords.of(STAGE, topicOfRecord, partition, offset, key, value, reportId,
        rootCause(error).getClass().getName(), message, Instant.now());
    LOG.warn("dead-lettered record {}-{}@{} (report {}) at {}: {}", topicOfRecord, partition, offset,
        reportId == null ? "unknown" : reportId, where, message);
    return List.of(new ProducerRecord<>(topic, key, serializer.serialize(topic, letter)));
  }

  /** The same, with the coordinates and source bytes from the handler's context. */
  public List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext context, String reportId, Exception error) {
    return of(context.topic(), context.partition(), context.offset(), context.sourceRawKey(), context.sourceRawValue(),
        reportId, context.processorNodeId(), error);
  }

  /**
   * What every handler does: fail (so that the record is retried) on a registry outage or when the dead
   * letter itself cannot be written, else resume with the dead letter.
   */
  static <R> R resumeOrFail(String record, Exception error, Supplier<List<ProducerRecord<byte[], byte[]>>> deadLetter,
      Function<List<ProducerRecord<byte[], byte[]>>, R> resume, Supplier<R> fail) {
    if (RegistryOutage.causedBy(error)) {
      LOG.error("{} failed because the schema registry is unavailable; it will be retried: {}", record, error.getMessage());
      return fail.get();
    }
    try {
      return resume.apply(deadLetter.get());
    } catch (RuntimeException e) {
      LOG.error("cannot dead-letter {} ({}); it will be retried", record, e.getMessage());
      return fail.get();
    }
  }

  static String reportId(byte[] key) {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  static String reportId(Object key) {
    return key instanceof String id ? id : null;
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null && text.length() < MAX_MESSAGE; t = t.getCause()) {
      if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
        text.append(text.length() == 0 ? "" : "; caused by: ").append(t.getMessage());
      }
    }
    String message = text.length() == 0 ? error.getClass().getSimpleName() : text.toString();
    return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
  }

  private static Throwable rootCause(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
