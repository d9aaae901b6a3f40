package io.lodestone.core.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Tells at once whether anything listens at Kafka's bootstrap addresses. A command a user types (an import, the
 * alerts viewer) would otherwise wait for the admin client's full timeout, a minute of connection warnings, before
 * saying that Kafka is not running; the apps, started beside a broker that may still be starting, keep that
 * patience instead.
 */
public final class BootstrapProbe {
  /** Long enough for a busy broker to accept a connection; Kafka that is not running refuses one at once. */
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private BootstrapProbe() {}

  /** {@link #requireListening(String, Duration)} with a timeout of 5 s. */
  public static void requireListening(String bootstrapServers) {
    requireListening(bootstrapServers, TIMEOUT);
  }

  /** Returns when one of the addresses accepts a TCP connection within {@code timeout}; else says which were tried. */
  public static void requireListening(String bootstrapServers, Duration timeout) {
    List<String> addresses = Arrays.stream(bootstrapServers.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    IOException last = null;
    for (String address : addresses) {
      try (Socket socket = new Socket()) {
        socket.connect(socketAddress(address), (int) timeout.toMillis());
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    throw new KafkaUnreachableException("nothing answers at " + String.join(", ", addresses)
        + " (Kafka); start the stack with ./lodestone up, or set LODESTONE_BOOTSTRAP_SERVERS", last);
  }

  private static InetSocketAddress socketAddress(String address) {
    int colon = address.lastIndexOf(':');
    try {
      // an IPv6 literal may come in brackets, as in [::1]:9092
      return new InetSocketAddress(address.substring(0, colon).replaceAll("^\\[|]$", ""), Integer.parseInt(address.substring(colon + 1)));
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Kafka address " + address + " is not host:port, as in 127.0.0.1:9092", e);
    }
  }
}
