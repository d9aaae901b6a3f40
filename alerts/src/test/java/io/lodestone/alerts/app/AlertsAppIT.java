package io.lodestone.alerts.app;

import static io.lodestone.alerts.EnrichedReports.report;
import static io.lodestone.alerts.EnrichedReports.resource;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.alerts.AlertIds;
import io.lodestone.alerts.AlertsConfig;
import io.lodestone.alerts.deadletter.DeadLetters;
import io.lodestone.alerts.webhook.ScriptedWebhookServer;
import io.lodestone.alerts.webhook.WebhookSignature;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.schemas.AlertKind;
import io.lodestone.schemas.DeadLetter;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Severity;
import io.lodestone.schemas.SupplyChainAlert;
import io.lodestone.schemas.registry.SchemaRegistryClient;
import io.lodestone.schemas.serde.AvroDeserializer;
import io.lodestone.schemas.serde.AvroSerializer;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts app on the real broker, registry and Elasticsearch: enriched reports in; a rule alert and one
 * spike alert out; webhooks delivered (after a failure) or dead-lettered; an unreadable record
 * dead-lettered; both alerts indexed.
 */
@ExtendWith(TestStackExtension.class)
class AlertsAppIT {
  private static final String ENRICHED = "it.alerts.enriched";
  private static final String ALERTS = "it.alerts.alerts";
  private static final String DEAD_LETTER = "it.alerts.deadletter";
  private static final String INDEX = "it-alerts";
  private static final byte[] OPS_SECRET = "ops-secret".getBytes(StandardCharsets.UTF_8);
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @TempDir
  Path dir;

  @Test
  void enrichedReportsBecomeRuleAndSpikeAlertsDeliveredToSubscribers(TestStack stack) throws Exception {
    try (ScriptedWebhookServer ops = new ScriptedWebhookServer().then(503);
         ScriptedWebhookServer broken = new ScriptedWebhookServer().otherwise(500)) {
      Map<String, Object> settings = settings(stack, ops, broken);
      SchemaRegistryClient registry = new SchemaRegistryClient(stack.registryUrl());
      try (AlertsApp app = new AlertsApp(new AlertsConfig(settings), Map.of("OPS_SECRET", "ops-secret"))) {
        app.start();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(10));
        publish(stack, registry, t0);

        List<Read<SupplyChainAlert>> read = awaitRecords(stack, ALERTS,
            new AvroDeserializer<>(registry, SupplyChainAlert.class), list -> list.size() >= 2);
        List<SupplyChainAlert> alerts = read.stream().map(Read::value).toList();
        SupplyChainAlert rule = alerts.stream().filter(a -> a.getKind() == AlertKind.RULE).findFirst().orElseThrow();
        SupplyChainAlert spike = alerts.stream().filter(a -> a.getKind() == AlertKind.SPIKE).findFirst().orElseThrow();
        assertThat(rule.getId()).isEqualTo(AlertIds.forRule("strike-cobalt", "strike"));
        assertThat(rule.getSeverity()).isEqualTo(Severity.HIGH);
        Instant burst = t0.plus(Duration.ofHours(2));
        assertThat(spike.getId()).isEqualTo(AlertIds.forSpike("spike-theme", "theme:logistics-shipping", burst.toEpochMilli()));
        assertThat(spike.getWindow().getCount()).isEqualTo(4);
        assertThat(spike.getWindow().getBaseline()).isEqualTo(1.0);

        List<DeadLetter> deadLetters = awaitRecords(stack, DEAD_LETTER, new AvroDeserializer<>(registry, DeadLetter.class),
            list -> list.size() >= 3).stream().map(Read::value).toList();
        assertThat(deadLetters).extracting(DeadLetter::getStage)
            .containsExactlyInAnyOrder(DeadLetters.STAGE_ALERTS, DeadLetters.STAGE_WEBHOOK, DeadLetters.STAGE_WEBHOOK);
        assertThat(deadLetters).filteredOn(d -> d.getStage().equals(DeadLetters.STAGE_WEBHOOK))
            .allSatisfy(d -> assertThat(d.getErrorMessage()).isEqualTo("subscription broken: gave up after 3 attempts; last: HTTP 500"));

        awaitCommitted(stack, "it-alerts-webhooks", read);
        List<ScriptedWebhookServer.Received> opsRequests = ops.received("/ops");
        assertThat(opsRequests).as("the HIGH rule alert, failed once then delivered; not the MEDIUM spike").hasSize(2)
            .allSatisfy(request -> {
              assertThat(request.header("Idempotency-Key")).isEqualTo(rule.getId());
              assertThat(WebhookSignature.verify(OPS_SECRET, request.body(), request.header(WebhookSignature.HEADER))).isTrue();
            });
        assertThat(new ObjectMapper().readTree(opsRequests.get(1).body()).get("summary").asText()).isEqualTo(rule.getSummary());
        assertThat(broken.received("/broken")).as("both alerts, three attempts each").hasSize(6);

        assertThat(awaitRecords(stack, ALERTS, new AvroDeserializer<>(registry, SupplyChainAlert.class), list -> true))
            .as("one alert per rule and report, one per spike window").hasSize(2);

        ElasticsearchClient es = new ElasticsearchClient(new RestClientTransport(
            RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build(), new JacksonJsonpMapper()));
        awaitIndexed(es, 2);
        SearchResponse<JsonNode> high = es.search(q -> q.index(INDEX)
            .query(b -> b.range(r -> r.number(n -> n.field("severity_rank").gte(2.0)))), JsonNode.class);
        assertThat(high.hits().hits()).extracting(Hit::id).containsExactly(rule.getId());
        JsonNode spikeDoc = es.get(g -> g.index(INDEX).id(spike.getId()), JsonNode.class).source();
        assertThat(spikeDoc.get("window").get("count").asLong()).isEqualTo(4);
        assertThat(spikeDoc.get("themes").get(0).asText()).isEqualTo("logistics-shipping");
      }
    }
  }

  private Map<String, Object> settings(TestStack stack, ScriptedWebhookServer ops, ScriptedWebhookServer broken)
      throws Exception {
    Path rules = resource("strike-cobalt-rules.yaml");
    Path subscriptions = Files.writeString(dir.resolve("webhooks.yaml"), """
        subscriptions:
          - id: ops
            url: %s
            secret_env: OPS_SECRET
            filters: {min_severity: HIGH}
          - id: broken
            url: %s
            secret_file: broken.secret
        """.formatted(ops.url("/ops"), broken.url("/broken")));
    Files.writeString(dir.resolve("broken.secret"), "broken-secret");
    Map<String, Object> settings = new HashMap<>();
    settings.put(CommonOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers());
    settings.put(CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl());
    settings.put(CommonOptions.TOPIC_ENRICHED, ENRICHED);
    settings.put(CommonOptions.TOPIC_ALERTS, ALERTS);
    settings.put(CommonOptions.TOPIC_DEAD_LETTER, DEAD_LETTER);
    settings.put(AlertsConfig.APPLICATION_ID, "it-alerts");
    settings.put(AlertsConfig.STATE_DIR, dir.resolve("state").toString());
    settings.put(AlertsConfig.RULES_FILE, rules.toString());
    settings.put(AlertsConfig.SPIKE_DIMENSIONS, "theme");
    settings.put(AlertsConfig.SPIKE_BASELINE_WINDOWS, 2);
    settings.put(AlertsConfig.SPIKE_WARMUP_WINDOWS, 2);
    settings.put(AlertsConfig.SPIKE_MIN_COUNT, 3);
    settings.put(AlertsConfig.WEBHOOK_SUBSCRIPTIONS_FILE, subscriptions.toString());
    settings.put(AlertsConfig.WEBHOOK_GROUP_ID, "it-alerts-webhooks");
    settings.put(AlertsConfig.WEBHOOK_MAX_ATTEMPTS, 3);
    settings.put(AlertsConfig.WEBHOOK_BACKOFF_INITIAL_MS, 10L);
    settings.put(AlertsConfig.WEBHOOK_BACKOFF_MAX_MS, 50L);
    settings.put(AlertsConfig.ELASTICSEARCH_URLS, stack.elasticsearchUrl());
    settings.put(AlertsConfig.ALERTS_INDEX, INDEX);
    settings.put(AlertsConfig.INDEX_GROUP_ID, "it-alerts-index");
    return settings;
  }

  /**
   * A rule match; one report per hour on logistics for two hours, four in the third, then one that closes
   * the third window (10 min grace); and a record that is not Avro. All in one partition, so that they
   * reach the spike counter in time order (reports later than the grace period are not counted).
   */
  private static void publish(TestStack stack, SchemaRegistryClient registry, Instant t0) throws Exception {
    AvroSerializer<EnrichedReport> serializer = new AvroSerializer<>(registry);
    serializer.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    EnrichedReport strike = report("strike").title("Strike halts cobalt mine").theme("supply-disruption", 0.9, "strike")
        .mineral("cobalt", "battery-metals", true).country("CD").build();
    records.add(record(serializer, strike, t0));
    int[] perHour = {1, 1, 4, 0, 1};
    for (int hour = 0; hour < perHour.length; hour++) {
      for (int i = 0; i < perHour[hour]; i++) {
        String id = "ship-" + hour + "-" + i;
        Instant at = t0.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(hour == 4 ? 15 : 5 + i));
        records.add(record(serializer, report(id).theme("logistics-shipping", 0.8, "port congestion").build(), at));
      }
    }
    records.add(new ProducerRecord<>(ENRICHED, 0, t0.toEpochMilli(), "garbage", "not avro".getBytes(StandardCharsets.UTF_8)));
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        stack.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
      for (ProducerRecord<String, byte[]> record : records) {
        producer.send(record).get();
      }
    }
  }

  private static ProducerRecord<String, byte[]> record(AvroSerializer<EnrichedReport> serializer, EnrichedReport report,
      Instant at) {
    String id = report.getReport().getId();
    return new ProducerRecord<>(ENRICHED, 0, at.toEpochMilli(), id, serializer.serialize(ENRICHED, report));
  }

  private static void awaitIndexed(ElasticsearchClient es, long expected) throws Exception {
    Instant deadline = Instant.now().plus(TIMEOUT);
    long count = -1;
    while (Instant.now().isBefore(deadline)) {
      try {
        es.indices().refresh(r -> r.index(INDEX));
        count = es.count(c -> c.index(INDEX)).count();
        if (count >= expected) {
          assertThat(count).isEqualTo(expected);
          return;
        }
      } catch (ElasticsearchException e) {
        // the index does not exist until the first alert is indexed
      }
      Thread.sleep(500);
    }
    throw new AssertionError("expected " + expected + " alerts in " + INDEX + " within " + TIMEOUT + ", found " + count);
  }

  /** A record read back: where it is and its value. */
  private record Read<T>(TopicPartition partition, long offset, T value) {}

  /** Reads the (committed) records of the topic from its beginning until they satisfy {@code done}. */
  private static <T> List<Read<T>> awaitRecords(TestStack stack, String topic, AvroDeserializer<T> deserializer,
      Predicate<List<Read<T>>> done) throws InterruptedException {
    deserializer.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      List<Read<T>> values = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
          new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(new Read<>(new TopicPartition(r.topic(), r.partition()),
              r.offset(), deserializer.deserialize(topic, r.value()))));
        }
      }
      if (done.test(values)) {
        return values;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the records of " + topic + " did not arrive within " + TIMEOUT);
  }

  /** Waits until the webhook group committed past every alert: its deliveries and dead letters are all done. */
  private static void awaitCommitted(TestStack stack, String group, List<? extends Read<?>> alerts) throws Exception {
    Instant deadline = Instant.now().plus(TIMEOUT);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      while (Instant.now().isBefore(deadline)) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get();
        if (alerts.stream().allMatch(a -> committed.get(a.partition()) != null
            && committed.get(a.partition()).offset() > a.offset())) {
          return;
        }
        Thread.sleep(500);
      }
    }
    throw new AssertionError("group " + group + " did not commit every alert within " + TIMEOUT);
  }
}
