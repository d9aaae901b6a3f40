package io.lodestone.core.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BootstrapProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void passesWhenOneOfTheAddressesListens() throws Exception {
    try (ServerSocket listening = new ServerSocket(0)) {
      String servers = "127.0.0.1:" + closedPort() + ", 127.0.0.1:" + listening.getLocalPort();
      assertThatCode(() -> BootstrapProbe.requireListening(servers, TIMEOUT)).doesNotThrowAnyException();
    }
  }

  @Test
  void saysInOneSentenceWhenNothingListens() throws Exception {
    String servers = "127.0.0.1:" + closedPort();

    assertThatThrownBy(() -> BootstrapProbe.requireListening(servers, TIMEOUT)).isInstanceOf(KafkaUnreachableException.class)
        .hasMessage("nothing answers at " + servers + " (Kafka); start the stack with ./lodestone up, or set LODESTONE_BOOTSTRAP_SERVERS");
  }

  @Test
  void refusesAnAddressWithoutAPort() {
    assertThatThrownBy(() -> BootstrapProbe.requireListening("kafka", TIMEOUT)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Kafka address kafka is not host:port, as in 127.0.0.1:9092");
  }
}
