package io.kubeward.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, LOOPBACK",
    "127.255.3.4, LOOPBACK",
    "0.0.0.0, UNSPECIFIED",
    "0.1.2.3, UNSPECIFIED",
    "169.254.169.254, METADATA",
    "169.254.170.2, LINK_LOCAL",
    "169.254.0.23, LINK_LOCAL",
    "100.100.100.200, METADATA",
    "224.0.0.1, MULTICAST",
    "239.255.255.250, MULTICAST",
    "255.255.255.255, BROADCAST",
    "::1, LOOPBACK",
    "::, UNSPECIFIED",
    "fe80::1, LINK_LOCAL",
    "febf:ffff::1, LINK_LOCAL",
    "ff02::1, MULTICAST",
    "fd00:ec2::254, METADATA",
    // IPv6 forms that carry an IPv4 address are judged by it
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:169.254.169.254, METADATA",
    "0:0:0:0:0:ffff:7f00:1, LOOPBACK",
    "::127.0.0.1, LOOPBACK",
    "64:ff9b::7f00:1, LOOPBACK",
    "64:ff9b::a9fe:a9fe, METADATA",
    "2002:7f00:1::, LOOPBACK",
    "2002:a9fe:a9fe::1, METADATA",
  })
  void refusesWhatCanReachTheHostOrTheCloud(String address, AddressPolicy.Reason reason)
      throws Exception {
    assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.10",
        "100.64.0.1",
        "8.8.8.8",
        "2001:db8::1",
        "fd12:3456::1",
        "::ffff:10.1.2.3",
        "2002:0a00:0001::"
      })
  void allowsPrivateNetworksAndPublicAddresses(String address) throws Exception {
    assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "2130706433, 127.0.0.1",
    "0177.0.0.1, 127.0.0.1",
    "0x7f.0.0.1, 127.0.0.1",
    "0x7f.1, 127.0.0.1",
    "127.1, 127.0.0.1",
    "127.0.1, 127.0.0.1",
    "017700000001, 127.0.0.1",
    "0x7f000001, 127.0.0.1",
    "0XA9.0376.43518, 169.254.169.254",
    "2852039166, 169.254.169.254",
    "10.0.0.1, 10.0.0.1"
  })
  void readsNumericHostsLikeTheCLibrary(String host, String expected) throws Exception {
    Optional<InetAddress> parsed = AddressPolicy.numericIpv4(host);
    assertThat(parsed).isPresent();
    assertThat(parsed.get().getHostAddress()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "prometheus.monitoring.svc",
        "1.2.3.4.5",
        "256.1.1.1",
        "08.1.1.1",
        "0x1g.1.1.1",
        "-1.0.0.1",
        "1..1",
        "4294967296",
        "1e10"
      })
  void otherHostsAreNoNumericLiterals(String host) {
    assertThat(AddressPolicy.numericIpv4(host)).isEmpty();
  }
}
