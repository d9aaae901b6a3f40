package io.lodestone.producers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
      "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1",
      "::ffff:10.0.0.1"})
  void refusesNonPublicAddresses(String address) throws Exception {
    assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isFalse();
    assertThatThrownBy(() -> new AddressPolicy(false).check(address)).isInstanceOf(FetchException.class)
        .hasMessageContaining("not a public address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700::1111"})
  void acceptsPublicAddresses(String address) throws Exception {
    assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void allowsPrivateAddressesWhenConfigured(String host) throws Exception {
    new AddressPolicy(true).check(host);
  }
}
