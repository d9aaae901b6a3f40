package io.lodestone.producers.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.core.kafka.TopicBootstrap;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed state ({@link FeedState}) kept in a compacted Kafka topic keyed by feed URL, so that the poller
 * itself is stateless: on start it reads the topic from the beginning to its end, and after each poll
 * it writes the feed's new state and waits for the acknowledgement. Compaction keeps the latest state
 * per feed. Values are JSON (an internal topic, not a contract).
 */
public final class FeedStateStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedStateStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final Map<String, Object> clientProperties;
  private final KafkaProducer<String, String> producer;

  /**
   * @param clientProperties bootstrap.servers and any security settings shared by producer and consumer
   */
  public FeedStateStore(String topic, Map<String, Object> clientProperties, short replicationFactor) {
    this.topic = topic;
    this.clientProperties = clientProperties;
    TopicBootstrap.ensure((String) clientProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG), List.of(
        new TopicBootstrap.TopicSpec(topic, 1, replicationFactor, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024)))));
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "lodestone-feeds-state");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** Every feed's latest state, read from the beginning of the topic to its current end. */
  public Map<String, FeedState> loadAll() {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "lodestone-feeds-state-loader");
    Map<String, FeedState> states = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot read the feed state topic " + topic + " within " + TIMEOUT.toSeconds() + " s");
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            states.remove(record.key());
          } else {
            read(record).ifPresent(state -> states.put(record.key(), state));
          }
        }
      }
    }
    LOG.info("loaded the state of {} feed(s) from {}", states.size(), topic);
    return states;
  }

  private static java.util.Optional<FeedState> read(ConsumerRecord<String, String> record) {
    try {
      return java.util.Optional.of(JSON.readValue(record.value(), FeedState.class));
    } catch (JsonProcessingException e) {
      LOG.warn("ignoring unreadable state of feed {} at {}-{}@{}: {}", record.key(), record.topic(), record.partition(),
          record.offset(), e.getOriginalMessage());
      return java.util.Optional.empty();
    }
  }

  /** Writes a feed's state and waits until Kafka acknowledged it. */
  public void save(String feedUrl, FeedState state) throws InterruptedException, StateNotSavedException {
    try {
      producer.send(new ProducerRecord<>(topic, feedUrl, JSON.writeValueAsString(state)))
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write feed state as JSON", e);
    } catch (ExecutionException e) {
      throw new StateNotSavedException("Kafka did not store the state of " + feedUrl + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new StateNotSavedException("Kafka did not acknowledge the state of " + feedUrl + " within " + TIMEOUT.toSeconds() + " s");
    }
  }

  /** The state of a poll could not be stored; the poll counts as failed and is retried. */
  public static final class StateNotSavedException extends Exception {
    private static final long serialVersionUID = 1L;

    StateNotSavedException(String message) {
      super(message);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
