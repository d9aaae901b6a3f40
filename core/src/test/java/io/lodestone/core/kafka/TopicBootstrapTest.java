package io.lodestone.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.core.config.CommonOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class TopicBootstrapTest {
  @Test
  void anUnreachableClusterIsOneSentenceThatSaysWhatToCheck() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // free once closed: nothing listens there
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500))) {
      assertThatThrownBy(() -> TopicBootstrap.ensure(admin, List.of(new TopicBootstrap.TopicSpec("t", 1, (short) 1, Map.of()))))
          .isInstanceOf(KafkaUnreachableException.class)
          .hasMessage("Kafka did not answer while the topics were checked; is it running (./lodestone status)?");
    }
  }

  @Test
  void configuredTopicsTakeTheirNamesPartitionsAndReplicationFromTheAppsConfiguration() {
    AbstractConfig config = new AbstractConfig(CommonOptions.define(new ConfigDef()), Map.of(
        CommonOptions.TOPIC_RAW, "news.raw", CommonOptions.TOPIC_PARTITIONS, "6", CommonOptions.TOPIC_REPLICATION_FACTOR, "3"));

    assertThat(TopicBootstrap.configured(config, List.of(CommonOptions.TOPIC_RAW, CommonOptions.TOPIC_DEAD_LETTER)))
        .containsExactly(new TopicBootstrap.TopicSpec("news.raw", 6, (short) 3, Map.of()),
            new TopicBootstrap.TopicSpec(CommonOptions.DEFAULT_TOPIC_DEAD_LETTER, 6, (short) 3, Map.of()));
  }
}
