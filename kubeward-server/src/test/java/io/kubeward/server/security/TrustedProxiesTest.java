package io.kubeward.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies =
      TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8"));

  @Test
  void blocksAndSingleAddressesAreTrusted() {
    assertThat(proxies.trusts("10.1.2.3")).isTrue();
    assertThat(proxies.trusts("192.0.2.7")).isTrue();
    assertThat(proxies.trusts("192.0.2.8")).isFalse();
    assertThat(proxies.trusts("fd12::1")).isTrue();
    assertThat(proxies.trusts("2001:db8::1")).isFalse();
    assertThat(proxies.trusts("example.com")).isFalse();
    assertThat(TrustedProxies.none().trusts("127.0.0.1")).isFalse();
  }

  @Test
  void theClientIsTheRightMostUntrustedForwardedAddress() {
    assertThat(proxies.clientAddress("10.0.0.1", List.of("198.51.100.4"))).contains("198.51.100.4");
    assertThat(proxies.clientAddress("10.0.0.1", List.of("6.6.6.6, 198.51.100.4, 10.0.0.9")))
        .as("a spoofed left-most entry is ignored")
        .contains("198.51.100.4");
    assertThat(proxies.clientAddress("10.0.0.1", List.of("6.6.6.6", "198.51.100.4")))
        .contains("198.51.100.4");
    assertThat(proxies.clientAddress("10.0.0.1", List.of("10.0.0.5, 10.0.0.9")))
        .contains("10.0.0.5");
  }

  @Test
  void headersFromOthersOrMalformedHeadersAreIgnored() {
    assertThat(proxies.clientAddress("198.51.100.9", List.of("1.2.3.4"))).isEmpty();
    assertThat(proxies.clientAddress("10.0.0.1", List.of("evil.example"))).isEmpty();
    assertThat(proxies.clientAddress("10.0.0.1", List.of())).isEmpty();
    assertThat(proxies.clientAddress("10.0.0.1", List.of("1.2.3.4,".repeat(30)))).isEmpty();
    assertThat(proxies.forwardedHttps("198.51.100.9", List.of("https"))).isEmpty();
    assertThat(proxies.forwardedHttps("10.0.0.1", List.of("https"))).contains(true);
    assertThat(proxies.forwardedHttps("10.0.0.1", List.of("http"))).contains(false);
    assertThat(proxies.forwardedHttps("10.0.0.1", List.of("gopher"))).isEmpty();
  }

  @Test
  void badEntriesStopTheStart() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustedProxies.of(List.of("proxy.local")));
    assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("300.1.1.1")));
    assertThatIllegalArgumentException().isThrownBy(() -> new HttpEdgeProperties(List.of("x/8")));
  }
}
