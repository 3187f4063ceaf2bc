package io.kubeward.history.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.common.KubewardException;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.history.domain.PrometheusUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

  /** Names resolve from a table; literals as the JDK reads them; nothing asks DNS. */
  static final Map<String, List<String>> DNS =
      Map.of(
          "prometheus.monitoring.svc", List.of("10.96.0.20"),
          "metadata.google.internal", List.of("169.254.169.254"),
          "rebind.example", List.of("10.1.2.3", "127.0.0.1"),
          "v6.example", List.of("2001:db8::5", "::ffff:169.254.169.254"));

  final List<String> asked = new ArrayList<>();
  final OutboundGuard guard =
      new OutboundGuard(
          host -> {
            asked.add(host);
            List<String> known = DNS.get(host);
            if (known != null) {
              List<InetAddress> out = new ArrayList<>();
              for (String a : known) {
                out.add(InetAddress.getByName(a));
              }
              return out;
            }
            if (host.contains(":") || host.matches("[0-9.]+")) {
              return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
          });

  static PrometheusSettings settings(String url, boolean allowPrivate) {
    return new PrometheusSettings(
        PrometheusUrl.parse(url),
        PrometheusSettings.Auth.NONE,
        null,
        null,
        null,
        false,
        null,
        allowPrivate,
        Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9090",
        "http://0.0.0.0:9090",
        "http://169.254.169.254/latest/meta-data",
        "http://metadata.google.internal/computeMetadata/v1",
        "http://[::1]:9090",
        "http://[::]:9090",
        "http://[fe80::1]:9090",
        "http://[::ffff:127.0.0.1]:9090",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[fd00:ec2::254]/",
        "http://[ff02::1]/",
        "http://224.0.0.1/",
        "http://0177.0.0.1:9090",
        "http://0x7f.1:9090",
        "http://127.1:9090",
        "http://0xA9.0376.43518/",
        "http://rebind.example:9090",
        "http://v6.example:9090"
      })
  void refusesLoopbackLinkLocalMetadataUnspecifiedAndMulticast(String url) {
    PrometheusSettings settings;
    try {
      settings = settings(url, false);
    } catch (IllegalArgumentException notAUrl) {
      // java.net.URI reads some numeric forms (127.1, 0x7f.1) as no host at all: refused as well,
      // and the JDK's HttpClient could not connect to them either
      assertThat(notAUrl).hasMessageContaining("host");
      return;
    }
    assertThatThrownBy(() -> guard.check("c1", settings))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PrometheusException.ADDRESS_REFUSED);
              assertThat(e.getMessage()).contains("allowPrivateAddresses");
            });
  }

  @Test
  void theDecimalFormIsAHostToJavaAndIsRefused() {
    assertThatThrownBy(() -> guard.check("c1", settings("http://2130706433:9090", false)))
        .hasMessageContaining("127.0.0.1 is a loopback address");
  }

  @Test
  void numericHostFormsAreJudgedWithoutAskingDns() {
    assertThatThrownBy(() -> guard.check("c1", settings("http://0177.0.0.1:9090", false)))
        .hasMessageContaining("127.0.0.1 is a loopback address");
    assertThat(asked).isEmpty();
  }

  @Test
  void allowsTheUsualInClusterAddresses() {
    assertThatCode(
            () -> guard.check("c1", settings("http://prometheus.monitoring.svc:9090", false)))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard.check("c1", settings("https://10.0.0.5:9090/prometheus", false)))
        .doesNotThrowAnyException();
  }

  @Test
  void anAdminMayAllowPrivateAddressesExplicitly() {
    assertThatCode(() -> guard.check("c1", settings("http://127.0.0.1:9090", true)))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard.check("c1", settings("http://[::1]:9090", true)))
        .doesNotThrowAnyException();
  }

  @Test
  void aHostThatDoesNotResolveIsUnavailable() {
    assertThatThrownBy(() -> guard.check("c1", settings("http://nowhere.invalid:9090", false)))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.code()).isEqualTo(PrometheusException.UNAVAILABLE));
  }

  @Test
  void aHostThatDoesNotResolveCannotBeSaved() {
    assertThatThrownBy(
            () -> guard.check("c1", settings("http://nowhere.invalid:9090", false), true))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.code()).isEqualTo(PrometheusException.INVALID_SETTINGS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://prometheus:21",
        "file:///etc/passwd",
        "http://user:pass@prometheus:9090",
        "http://prometheus:9090/?x=1",
        "http://prometheus:9090/#frag",
        "prometheus:9090",
        ""
      })
  void onlyPlainHttpUrlsWithoutCredentials(String url) {
    assertThatThrownBy(() -> PrometheusUrl.parse(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void urlsAreNormalised() {
    assertThat(PrometheusUrl.parse("HTTP://Prom.Example:9090/prometheus/").toString())
        .isEqualTo("http://prom.example:9090/prometheus");
  }
}
