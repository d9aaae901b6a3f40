package io.lodestone.producers.publish;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.ClientProperties;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.producers.IngestConfig;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Publishes NewsReport events to the raw topic, keyed by report id, with an idempotent producer and
 * acks=all: a report counts as published only once every in-sync replica has it.
 */
public final class ReportPublisher implements AutoCloseable {
  private final Producer<String, NewsReport> producer;
  private final String topic;
  private final Serializer<NewsReport> values;

  /**
   * The publisher of the batch channels (files, feeds, benchmarks): creates the raw topic if missing
   * and checks the schema registry before anything is sent, so that an unreachable registry stops the
   * producer at start with one clear error instead of failing report by report.
   */
  public ReportPublisher(IngestConfig config) {
    this(config, Map.of(), true);
    checkRegistry();
  }

  /** The raw topic as the producers create it when it is missing. */
  public static TopicBootstrap.TopicSpec topicSpec(IngestConfig config) {
    return TopicBootstrap.configured(config, List.of(CommonOptions.TOPIC_RAW)).get(0);
  }

  /**
   * A publisher whose producer gets {@code overrides} on top of the configuration (e.g. a shorter
   * max.block.ms); creates the raw topic first when {@code createTopic} (else see {@link #topicSpec}).
   */
  public ReportPublisher(IngestConfig config, Map<String, Object> overrides, boolean createTopic) {
    this.topic = config.getString(CommonOptions.TOPIC_RAW);
    if (createTopic) {
      TopicBootstrap.ensureConfigured(config, List.of(CommonOptions.TOPIC_RAW));
    }
    Map<String, Object> props = producerProperties(config);
    props.putAll(overrides);
    this.values = valueSerializer(config, props);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), values);
  }

  @SuppressWarnings("unchecked")
  private static Serializer<NewsReport> valueSerializer(IngestConfig config, Map<String, Object> props) {
    Serializer<NewsReport> serializer = Utils.newInstance(config.getClass(IngestConfig.VALUE_SERIALIZER), Serializer.class);
    serializer.configure(props, false);
    return serializer;
  }

  /**
   * Serializes a probe report without sending it: the serializer registers (or looks up) the
   * NewsReport schema under the topic's subject and caches its id, the same way the first real
   * report would. The client's bounded retries cover a registry that is still starting.
   */
  private void checkRegistry() {
    NewsReport probe = NewsReport.newBuilder().setId("registry-probe").setSource(Source.newBuilder().build())
        .setTitle("").setBody("").setFetchedAt(Instant.EPOCH).setChannel(IngestChannel.OTHER).build();
    try {
      values.serialize(topic, probe);
    } catch (RuntimeException e) {
      producer.close();
      throw new PublisherStartException("Nothing was published: the NewsReport schema for topic " + topic
          + " could not be checked with the schema registry (" + e.getMessage() + ")", e);
    }
  }

  /** The producer could not start; nothing was sent. */
  public static final class PublisherStartException extends RuntimeException {
    PublisherStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** For tests: publish through a given producer. */
  public ReportPublisher(Producer<String, NewsReport> producer, String topic) {
    this.producer = producer;
    this.values = null;
    this.topic = topic;
  }

  static Map<String, Object> producerProperties(IngestConfig config) {
    Map<String, Object> props = ClientProperties.select(config.originals(), ProducerConfig.configNames());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(CommonOptions.BOOTSTRAP_SERVERS));
    props.put("schema.registry.url", config.getString(CommonOptions.SCHEMA_REGISTRY_URL));
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
