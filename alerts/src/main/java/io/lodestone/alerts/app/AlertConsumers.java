package io.lodestone.alerts.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.lodestone.alerts.AlertsConfig;
import io.lodestone.schemas.deadletter.DeadLetterPublisher;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.alerts.files.WatchedFile;
import io.lodestone.alerts.search.AlertIndexer;
import io.lodestone.core.retry.Backoff;
import io.lodestone.alerts.webhook.Deliverer;
import io.lodestone.alerts.webhook.Subscription;
import io.lodestone.alerts.webhook.SubscriptionsFile;
import io.lodestone.alerts.webhook.WebhookDispatcher;
import io.lodestone.alerts.webhook.WebhookSender;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.ClientProperties;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.SupplyChainAlert;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroDeserializer;
import io.lodestone.schemas.serde.AvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Builds the parts of the alerts app that consume the alerts topic: the webhook dispatcher and the indexer. */
final class AlertConsumers {
  private final AlertsConfig config;
  private final SchemaRegistryClient registry;
  private final Map<String, Object> registryConfig;

  AlertConsumers(AlertsConfig config, SchemaRegistryClient registry, Map<String, Object> registryConfig) {
    this.config = config;
    this.registry = registry;
    this.registryConfig = registryConfig;
  }

  DeadLetterPublisher deadLetters() {
    Map<String, Object> producerProps = ClientProperties.select(config.originals(), ProducerConfig.configNames());
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(CommonOptions.BOOTSTRAP_SERVERS));
    AvroSerializer<DeadLetter> serializer = new AvroSerializer<>(registry);
    serializer.configure(registryConfig, false);
    return new DeadLetterPublisher(producerProps, serializer, config.getString(CommonOptions.TOPIC_DEAD_LETTER));
  }

  WebhookDispatcher webhookDispatcher(DeadLetterPublisher deadLetters, Map<String, String> env) {
    WatchedFile<List<Subscription>> subscriptions = new WatchedFile<>(
        Path.of(config.getString(AlertsConfig.WEBHOOK_SUBSCRIPTIONS_FILE)), file -> SubscriptionsFile.read(file, env),
        config.getLong(AlertsConfig.RELOAD_INTERVAL_MS));
    Deliverer deliverer = new Deliverer(
        new WebhookSender(Duration.ofMillis(config.getLong(AlertsConfig.WEBHOOK_CONNECT_TIMEOUT_MS)),
            Duration.ofMillis(config.getLong(AlertsConfig.WEBHOOK_REQUEST_TIMEOUT_MS))),
        new Backoff(config.getLong(AlertsConfig.WEBHOOK_BACKOFF_INITIAL_MS), config.getLong(AlertsConfig.WEBHOOK_BACKOFF_MAX_MS)),
        config.getInt(AlertsConfig.WEBHOOK_MAX_ATTEMPTS));
    return new WebhookDispatcher(consumer(config.getString(AlertsConfig.WEBHOOK_GROUP_ID)), alertDeserializer(),
        subscriptions, deliverer, deadLetters, config.getString(CommonOptions.TOPIC_ALERTS));
  }

  AlertIndexer alertIndexer(DeadLetterPublisher deadLetters) {
    ElasticsearchClient client = ElasticsearchClients.create(config.getList(AlertsConfig.ELASTICSEARCH_URLS));
    return new AlertIndexer(consumer(config.getString(AlertsConfig.INDEX_GROUP_ID)), alertDeserializer(), client,
        config.getString(AlertsConfig.ALERTS_INDEX), config.getInt(AlertsConfig.INDEX_REPLICAS), deadLetters,
        config.getString(CommonOptions.TOPIC_ALERTS));
  }

  /** A consumer of committed alerts that commits by itself, only after handling. */
  private KafkaConsumer<byte[], byte[]> consumer(String groupId) {
    Map<String, Object> props = ClientProperties.select(config.originals(), ConsumerConfig.configNames());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(CommonOptions.BOOTSTRAP_SERVERS));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(AlertsConfig.MAX_POLL_RECORDS));
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private AvroDeserializer<SupplyChainAlert> alertDeserializer() {
    AvroDeserializer<SupplyChainAlert> deserializer = new AvroDeserializer<>(registry, SupplyChainAlert.class);
    deserializer.configure(registryConfig, false);
    return deserializer;
  }
}
