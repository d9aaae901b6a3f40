package io.lodestone.core.kafka;

import io.lodestone.core.config.CommonOptions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics an app reads or writes when they do not exist yet, so that every app can start
 * first on an empty cluster (brokers run with auto.create.topics.enable=false).
 */
public final class TopicBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

  private TopicBootstrap() {}

  /** A topic to create: name, partitions, replication factor (-1: the broker's default) and configs. */
  public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
    public NewTopic toNewTopic() {
      return new NewTopic(name, Optional.of(partitions), Optional.of(replicationFactor)).configs(configs);
    }
  }

  /**
   * The topics that an app's configuration names under {@code topicKeys} (e.g. {@link CommonOptions#TOPIC_RAW}), with
   * the partitions and replication factor it sets ({@link CommonOptions#TOPIC_PARTITIONS},
   * {@link CommonOptions#TOPIC_REPLICATION_FACTOR}).
   */
  public static List<TopicSpec> configured(AbstractConfig config, List<String> topicKeys) {
    int partitions = config.getInt(CommonOptions.TOPIC_PARTITIONS);
    short replication = config.getShort(CommonOptions.TOPIC_REPLICATION_FACTOR);
    return topicKeys.stream().map(key -> new TopicSpec(config.getString(key), partitions, replication, Map.of())).toList();
  }

  /** Creates the missing ones of the {@link #configured} topics on the configuration's Kafka. */
  public static void ensureConfigured(AbstractConfig config, List<String> topicKeys) {
    ensure(config.getString(CommonOptions.BOOTSTRAP_SERVERS), configured(config, topicKeys));
  }

  /** Creates the missing topics; existing ones are left as they are. */
  public static void ensure(String bootstrapServers, Collection<TopicSpec> topics) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
      ensure(admin, topics, "Kafka at " + bootstrapServers);
    }
  }

  public static void ensure(Admin admin, Collection<TopicSpec> topics) {
    ensure(admin, topics, "Kafka");
  }

  /** {@code kafka} names the cluster in errors. */
  private static void ensure(Admin admin, Collection<TopicSpec> topics, String kafka) {
    try {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).map(TopicSpec::toNewTopic).toList();
      if (missing.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(60, TimeUnit.SECONDS);
          LOG.info("created topic {}", entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        // the admin client's own words ("Timed out waiting for a node assignment. Call: listTopics") do not say what to do
        throw new KafkaUnreachableException(unreachable(kafka), e.getCause());
      }
      throw new IllegalStateException("cannot create Kafka topics: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaUnreachableException(unreachable(kafka), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kafka topics", e);
    }
  }

  private static String unreachable(String kafka) {
    return kafka + " did not answer while the topics were checked; is it running (./lodestone status)?";
  }
}
