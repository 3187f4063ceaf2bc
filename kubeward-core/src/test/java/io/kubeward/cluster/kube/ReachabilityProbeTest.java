package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubeward.cluster.domain.ProbeSettings;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.Reachability.State;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient
class ReachabilityProbeTest {

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.1\"}";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  KubernetesMockServer server;

  private final AtomicLong nanos = new AtomicLong();
  // Generous: a timeout is not what these tests are about, and a loaded machine (several JVMs on 2
  // cores) can take seconds for the first request of a new client.
  private final ProbeSettings settings =
      new ProbeSettings(Duration.ofSeconds(30), Duration.ofSeconds(20));
  private KubernetesClient probeClient;

  @BeforeEach
  void forgetTheMockServersOwnVersionAnswer() {
    server.clearExpectations();
  }

  @AfterEach
  void closeClient() {
    if (probeClient != null) {
      probeClient.close();
    }
  }

  private ReachabilityProbe probeOf(io.fabric8.kubernetes.client.Config config) {
    probeClient =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build())
            .build();
    // Each reading of the monotonic clock advances it 7 ms, so the measured latency is predictable.
    return new ReachabilityProbe(
        "test",
        probeClient,
        settings,
        Clock.fixed(T0, ZoneOffset.UTC),
        () -> nanos.addAndGet(Duration.ofMillis(7).toNanos()));
  }

  @Test
  void answeringApiIsReachableWithVersionAndLatency() {
    server.expect().get().withPath("/version").andReturn(200, VERSION).always();
    server.expect().get().withPath("/readyz").andReturn(200, "ok").always();

    Reachability r = probeOf(server.createClient().getConfiguration()).probe();

    assertThat(r.state()).isEqualTo(State.REACHABLE);
    assertThat(r.kubernetesVersion()).isEqualTo("v1.34.1");
    assertThat(r.apiReady()).isTrue();
    assertThat(r.latency()).isEqualTo(Duration.ofMillis(7));
    assertThat(r.since()).isEqualTo(T0);
    assertThat(r.lastError()).isNull();
  }

  @Test
  void failingReadyzIsReachableButNotReady() {
    server.expect().get().withPath("/version").andReturn(200, VERSION).always();
    server
        .expect()
        .get()
        .withPath("/readyz")
        .andReturn(500, "[-]etcd failed: reason withheld\nreadyz check failed")
        .always();

    Reachability r = probeOf(server.createClient().getConfiguration()).probe();

    assertThat(r.reachable()).isTrue();
    assertThat(r.apiReady()).isFalse();
    assertThat(r.lastError())
        .isEqualTo("GET /readyz answered 500: [-]etcd failed: reason withheld");
  }

  @Test
  void aConnectionClosedBeforeAnyAnswerIsTriedOnceMoreNotAnOutage() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/",
        exchange -> {
          if (requests.incrementAndGet() == 1) {
            exchange.close(); // the connection ends without an answer, as a stale one does
            return;
          }
          byte[] body =
              (exchange.getRequestURI().getPath().equals("/version") ? VERSION : "ok")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
    try {
      Reachability r =
          probeOf(
                  new ConfigBuilder(server.createClient().getConfiguration())
                      .withMasterUrl("http://127.0.0.1:" + api.getAddress().getPort())
                      .build())
              .probe();

      assertThat(r.state()).as(r.lastError()).isEqualTo(State.REACHABLE);
      assertThat(requests.get()).isEqualTo(3); // /version twice, /readyz once
    } finally {
      api.stop(0);
    }
  }

  @Test
  void refusedConnectionIsUnreachableWithAReadableMessage() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Reachability r =
        probeOf(
                new ConfigBuilder(server.createClient().getConfiguration())
                    .withMasterUrl("http://127.0.0.1:" + closedPort)
                    .build())
            .probe();

    assertThat(r.state()).isEqualTo(State.UNREACHABLE);
    assertThat(r.lastError())
        .containsIgnoringCase("refused")
        .doesNotContain("\n")
        .doesNotContain("\tat ");
    assertThat(r.kubernetesVersion()).isNull();
  }

  @Test
  void recoveryListenersRunWhenTheApiComesBack() {
    server.expect().get().withPath("/version").andReturn(503, "starting").once();
    server.expect().get().withPath("/version").andReturn(200, VERSION).always();
    server.expect().get().withPath("/readyz").andReturn(200, "ok").always();
    ReachabilityProbe probe = probeOf(server.createClient().getConfiguration());
    List<Reachability> recoveries = new ArrayList<>();
    probe.onRecovery(recoveries::add);

    Reachability down = probe.probe();
    Reachability up = probe.probe();
    probe.probe();

    assertThat(down.state()).isEqualTo(State.UNREACHABLE);
    assertThat(down.lastError()).isEqualTo("GET /version answered 503: starting");
    assertThat(up.reachable()).isTrue();
    assertThat(recoveries).containsExactly(up);
    assertThat(probe.current().reachable()).isTrue();
  }
}
