package io.lodestone.producers.publish;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.ClientProperties;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.producers.IngestConfig;
import io.lodestone.schemas.NewsReport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes NewsReport events to the raw topic, keyed by report id, with an idempotent producer and
 * acks=all: a report counts as published only once every in-sync replica has it.
 */
public final class ReportPublisher implements AutoCloseable {
  private final Producer<String, NewsReport> producer;
  private final String topic;

  public ReportPublisher(IngestConfig config) {
    this(config, Map.of(), true);
  }

  /** The raw topic as the producers create it when it is missing. */
  public static TopicBootstrap.TopicSpec topicSpec(IngestConfig config) {
    return new TopicBootstrap.TopicSpec(config.getString(CommonOptions.TOPIC_RAW), config.getInt(CommonOptions.TOPIC_PARTITIONS),
        config.getShort(CommonOptions.TOPIC_REPLICATION_FACTOR), Map.of());
  }

  /**
   * A publisher whose producer gets {@code overrides} on top of the configuration (e.g. a shorter
   * max.block.ms); creates the raw topic first when {@code createTopic} (else see {@link #topicSpec}).
   */
  public ReportPublisher(IngestConfig config, Map<String, Object> overrides, boolean createTopic) {
    this.topic = config.getString(CommonOptions.TOPIC_RAW);
    if (createTopic) {
      TopicBootstrap.ensure(config.getString(CommonOptions.BOOTSTRAP_SERVERS), List.of(topicSpec(config)));
    }
    Map<String, Object> props = producerProperties(config);
    props.putAll(overrides);
    this.producer = new KafkaProducer<>(props);
  }

  /** For tests: publish through a given producer. */
  public ReportPublisher(Producer<String, NewsReport> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  static Map<String, Object> producerProperties(IngestConfig config) {
    Map<String, Object> props = ClientProperties.select(config.originals(), ProducerConfig.configNames());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(CommonOptions.BOOTSTRAP_SERVERS));
    props.put("schema.registry.url", config.getString(CommonOptions.SCHEMA_REGISTRY_URL));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, config.getClass(IngestConfig.VALUE_SERIALIZER));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, config.getInt(IngestConfig.LINGER_MS));
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, config.getInt(IngestConfig.BATCH_SIZE));
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.getString(IngestConfig.COMPRESSION_TYPE));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, config.getString(IngestConfig.CLIENT_ID));
    return props;
  }

  public String topic() {
    return topic;
  }

  /** Sends the report; the future completes when the broker acknowledged it (or failed). */
  public CompletableFuture<RecordMetadata> publish(NewsReport report) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    publish(report, (metadata, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(metadata);
      }
    });
    return result;
  }

  /**
   * Sends the report and calls {@code callback} once, when the broker acknowledged it or it failed
   * (also when serialization or the send itself failed). Cheaper than {@link #publish(NewsReport)} for
   * bulk imports: no future per report.
   */
  public void publish(NewsReport report, Callback callback) {
    try {
      producer.send(new ProducerRecord<>(topic, report.getId(), report), callback);
    } catch (RuntimeException e) {
      callback.onCompletion(null, e);
    }
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
