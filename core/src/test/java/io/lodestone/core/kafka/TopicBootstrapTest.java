package io.lodestone.core.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
}
