package io.lodestone.producers;

import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every record of a raw topic, from the beginning to its current end, as NewsReport values. */
public final class RawTopic {
  private RawTopic() {}

  public static List<NewsReport> read(String bootstrapServers, String registryUrl, String topic) {
    AvroDeserializer<NewsReport> values = new AvroDeserializer<>(new SchemaRegistryClient(registryUrl), NewsReport.class);
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    List<NewsReport> reports = new ArrayList<>();
    try (KafkaConsumer<String, NewsReport> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, NewsReport> record : consumer.poll(Duration.ofMillis(500))) {
          if (!record.key().equals(record.value().getId())) {
            throw new AssertionError("record key " + record.key() + " is not the report id " + record.value().getId());
          }
          reports.add(record.value());
        }
      }
    }
    return reports;
  }

  /** A unique topic name for one test. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
