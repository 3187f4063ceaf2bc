package io.kubeward.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Behind a TLS-terminating proxy: {@code X-Forwarded-For} and {@code X-Forwarded-Proto} count only
 * when the request comes from a configured trusted proxy (here the test itself, 127.0.0.1): then
 * the client address (audit, throttling) is the forwarded one, and cookies get {@code Secure} and
 * responses HSTS when the client spoke HTTPS. Without trusted proxies the headers are ignored.
 */
@LocalControlPlane
class ProxyHeadersIT {

  static final String PASSWORD = "admin-password-for-proxies";
  static final Map<String, String> FORWARDED =
      Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.23", "X-Forwarded-Proto", "https");

  private static RunningServer start(ControlPlane controlPlane, String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "--kubeconfig=" + controlPlane.kubewardKubeconfig();
    args[1] = "--kubeward.cluster-name=local";
    args[2] = "--kubeward.security.admin-password=" + PASSWORD;
    args[3] = "--kubeward.security.login.max-failures-per-address=1000";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return RunningServer.start(args);
  }

  private static Response login(RunningServer server) {
    return server.anonymous(
        "POST", "/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD), FORWARDED);
  }

  private static JsonNode lastLogin(RunningServer server) {
    return server.getAsAdmin("/api/v1/audit?verb=auth.login&result=success").json().at("/items/1");
  }

  @Test
  void aTrustedProxyTellsTheClientAddressAndHttps(ControlPlane controlPlane) {
    try (RunningServer server =
        start(controlPlane, "--kubeward.security.trusted-proxies=127.0.0.1/32,10.0.0.0/8")) {
      Response login = login(server);

      assertThat(login.status()).isEqualTo(200);
      assertThat(login.setCookie("KUBEWARD_SESSION")).containsIgnoringCase("Secure");
      assertThat(login.setCookie("XSRF-TOKEN")).containsIgnoringCase("Secure");
      assertThat(login.raw().headers().firstValue("Strict-Transport-Security"))
          .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000", "includeSubDomains"));
      assertThat(lastLogin(server).get("clientAddress").asString())
          .as("the right-most untrusted address, not the spoofable left-most one")
          .isEqualTo("198.51.100.23");
      Response plain = server.get("/index.html");
      assertThat(plain.raw().headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
  }

  @Test
  void withoutTrustedProxiesForwardingHeadersAreIgnored(ControlPlane controlPlane) {
    try (RunningServer server = start(controlPlane)) {
      Response login = login(server);

      assertThat(login.status()).isEqualTo(200);
      assertThat(login.setCookie("KUBEWARD_SESSION")).doesNotContainIgnoringCase("Secure");
      assertThat(login.raw().headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(lastLogin(server).get("clientAddress").asString()).isEqualTo("127.0.0.1");
    }
  }
}
