package io.lodestone.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.TopicBootstrap;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.registry.RegistryClientConfig;
import io.lodestone.schemas.serde.AvroDeserializer;
import io.lodestone.schemas.serde.AvroSerializer;
import io.lodestone.sink.app.SinkApp;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.sink.es.IndexReadiness;
import io.lodestone.testkit.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One sink deployment on the test stack with its own topics, consumer group and index prefix: its
 * configuration, a producer of its input topics, and the questions tests ask Elasticsearch and the
 * dead-letter topic.
 */
public final class SinkHarness implements AutoCloseable {
  private static final Duration AWAIT_TIMEOUT = Duration.ofMinutes(2);
  private final TestStack stack;
  private final String name;
  private final ElasticsearchClient elasticsearch;
  private KafkaProducer<String, SpecificRecord> producer;

  public SinkHarness(TestStack stack, String name) {
    this.stack = stack;
    this.name = name;
    this.elasticsearch = ElasticsearchClients.create(List.of(stack.elasticsearchUrl()));
    // The test broker does not create topics on first use; tests may publish before the sink starts.
    TopicBootstrap.ensure(stack.bootstrapServers(), List.of(enrichedTopic(), duplicatesTopic(), deadLetterTopic()).stream()
        .map(topic -> new TopicBootstrap.TopicSpec(topic, 3, (short) -1, Map.of())).toList());
  }

  public String enrichedTopic() {
    return name + ".enriched";
  }

  public String duplicatesTopic() {
    return name + ".duplicates";
  }

  public String deadLetterTopic() {
    return name + ".deadletter";
  }

  /** Index prefix and read alias of this deployment. */
  public String alias() {
    return name + "-reports";
  }

  /** The sink's options for this deployment, with fast retries; tests add or override. */
  public Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers());
    config.put(CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl());
    config.put(CommonOptions.TOPIC_ENRICHED, enrichedTopic());
    config.put(CommonOptions.TOPIC_DUPLICATES, duplicatesTopic());
    config.put(CommonOptions.TOPIC_DEAD_LETTER, deadLetterTopic());
    config.put(SinkConfig.ELASTICSEARCH_URLS, stack.elasticsearchUrl());
    config.put(SinkConfig.INDEX_PREFIX, alias());
    config.put(SinkConfig.INDEX_ALIAS, alias());
    config.put(SinkConfig.GROUP_ID, name + "-sink");
    config.put(SinkConfig.RETRY_BACKOFF_MAX_MS, 2_000L);
    return config;
  }

  /** Publishes to a topic, keyed as the pipeline keys it (report id, or canonical id for notices). */
  public void publish(String topic, String key, SpecificRecord value) {
    producer().send(new ProducerRecord<>(topic, key, value));
  }

  public void flush() {
    producer().flush();
  }

  private synchronized KafkaProducer<String, SpecificRecord> producer() {
    if (producer == null) {
      Map<String, Object> props = new HashMap<>();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
      props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
      serializer.configure(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()), false);
      producer = new KafkaProducer<>(props, new StringSerializer(), serializer);
    }
    return producer;
  }

  public ElasticsearchClient elasticsearch() {
    return elasticsearch;
  }

  /** Documents under the alias now (after a refresh); 0 before the first index exists or its shard has started. */
  public long count() throws Exception {
    try {
      elasticsearch.indices().refresh(r -> r.index(alias()));
      return elasticsearch.count(c -> c.index(alias())).count();
    } catch (ElasticsearchException e) {
      if (IndexReadiness.notSearchableYet(e)) {
        return 0;
      }
      throw e;
    }
  }

  /** Waits until the count satisfies the condition; fails with the last count after the timeout. */
  public long awaitCount(LongPredicate condition, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    long count = -1;
    while (Instant.now().isBefore(deadline)) {
      try {
        count = count();
        if (condition.test(count)) {
          return count;
        }
      } catch (ElasticsearchException | java.io.IOException e) {
        // Elasticsearch restarting: ask again
      }
      Thread.sleep(250);
    }
    throw new AssertionError("document count under " + alias() + " did not reach the expected value within " + timeout
        + "; last count " + count);
  }

  /** Ids that have more than one document under the alias (a report indexed twice, e.g. in two indices). */
  public List<String> idsIndexedMoreThanOnce() throws Exception {
    elasticsearch.indices().refresh(r -> r.index(alias()));
    SearchResponse<Void> response = elasticsearch.search(s -> s.index(alias()).size(0)
        .aggregations("ids", a -> a.terms(t -> t.field("id").minDocCount(2).size(100))), Void.class);
    return response.aggregations().get("ids").sterms().buckets().array().stream()
        .map(StringTermsBucket::key).map(key -> key.stringValue()).toList();
  }

  /** The document of a report (source), or null when there is none. */
  public JsonNode document(String id) throws Exception {
    elasticsearch.indices().refresh(r -> r.index(alias()));
    SearchResponse<JsonNode> response = elasticsearch.search(s -> s.index(alias())
        .query(q -> q.ids(i -> i.values(id))), JsonNode.class);
    return response.hits().hits().isEmpty() ? null : response.hits().hits().get(0).source();
  }

  /** Every record of the dead-letter topic so far. */
  public List<DeadLetter> deadLetters() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    AvroDeserializer<DeadLetter> deserializer = new AvroDeserializer<>(null, DeadLetter.class);
    deserializer.configure(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()), false);
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plusSeconds(30);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          letters.add(deserializer.deserialize(record.topic(), record.value()));
        }
      }
    }
    return letters;
  }

  /** Polls until the answer satisfies the condition (exceptions count as not yet). */
  public static <T> T await(Callable<T> question, Predicate<T> condition) throws Exception {
    Instant deadline = Instant.now().plus(AWAIT_TIMEOUT);
    T answer = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        answer = question.call();
        if (answer != null && condition.test(answer)) {
          return answer;
        }
      } catch (RuntimeException e) {
        // not there yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("condition not met within " + AWAIT_TIMEOUT + "; last answer: " + answer);
  }

  /** Runs a sink in this JVM until {@link RunningSink#close()}. */
  public RunningSink start(Map<String, Object> config) {
    return new RunningSink(new SinkApp(new SinkConfig(config)));
  }

  /** A sink running on a thread of its own. */
  public static final class RunningSink implements AutoCloseable {
    private final SinkApp app;
    private final Thread thread;

    RunningSink(SinkApp app) {
      this.app = app;
      this.thread = new Thread(app::run, "test-sink");
      thread.start();
    }

    public SinkApp app() {
      return app;
    }

    @Override
    public void close() {
      app.stop();
      try {
        thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      app.close();
    }
  }

  @Override
  public void close() throws java.io.IOException {
    if (producer != null) {
      producer.close();
    }
    elasticsearch._transport().close();
  }
}
