package io.lodestone.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port checks. */
public final class Ports {
  private Ports() {}

  /** Whether something accepts connections on 127.0.0.1:port. */
  public static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether 127.0.0.1:port can be bound now. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port that is free now (the OS picks it). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StackException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** Throws a one-sentence error when a port the server needs is taken. */
  public static void requireFree(int port, String what, String envVariable) {
    if (!isFree(port)) {
      throw new StackException("port " + port + " for " + what + " is already in use on 127.0.0.1; stop what holds it or set "
          + envVariable + " to another port");
    }
  }
}
