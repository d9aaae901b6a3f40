package io.lodestone.producers.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses the poller may connect to. By default only public ones: a feed URL (or a redirect,
 * or an article link inside a feed) must not make Lodestone reach loopback, private networks
 * (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local addresses (169.254/16, fe80::/10,
 * where cloud metadata services live), multicast or the unspecified address. Every address a host name
 * resolves to is checked. (The HTTP client resolves the name again when it connects; a DNS server that
 * answers differently within that instant is not defended against.)
 */
public final class AddressPolicy {
  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Throws when the host resolves to an address the policy refuses, or does not resolve. */
  public void check(String host) throws FetchException {
    if (allowPrivate) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException("cannot resolve host " + host);
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        throw new FetchException("refused to connect to " + host + " (" + address.getHostAddress()
            + "): not a public address (set feeds.allow.private.addresses=true to allow)");
      }
    }
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
          && first < 224;
    }
    if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) {
        return false; // unique local fc00::/7
      }
      if (isMappedOrCompatibleIpv4(bytes)) {
        try {
          return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0);
  }
}
