package io.kubeward.usage.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.usage.app.UsageSettings;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.MetricsSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests the metrics adapter sends and how it reads the answers, on fabric8's mock server.
 */
class KubeMetricsReaderTest {

  private static final String NODES = "/apis/metrics.k8s.io/v1beta1/nodes";
  private static final String PODS = "/apis/metrics.k8s.io/v1beta1/pods";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  private KubernetesMockServer server;
  private KubernetesClient client;
  private KubeMetricsReader reader;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
    reader =
        new KubeMetricsReader(
            ClusterClients.fixed(client, ClusterAccess.unknown()),
            new UsageSettings(
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(2), 2),
            CLOCK);
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void readsNodesAndPodsOfAllNamespacesInApiUnits() throws Exception {
    server
        .expect()
        .get()
        .withPath(NODES)
        .andReturn(
            200,
            """
            {"kind":"NodeMetricsList","apiVersion":"metrics.k8s.io/v1beta1","items":[
              {"metadata":{"name":"n1"},"timestamp":"2026-12-03T09:59:50Z","window":"15s",
               "usage":{"cpu":"250123456n","memory":"1048576Ki"}}]}
            """)
        .once();
    server
        .expect()
        .get()
        .withPath(PODS)
        .andReturn(
            200,
            """
            {"kind":"PodMetricsList","apiVersion":"metrics.k8s.io/v1beta1","items":[
              {"metadata":{"name":"p1","namespace":"a"},"timestamp":"2026-12-03T09:59:50Z",
               "window":"15s","containers":[
                 {"name":"app","usage":{"cpu":"1m","memory":"10Mi"}},
                 {"name":"side","usage":{"cpu":"500n","memory":"1Ki"}}]},
              {"metadata":{"name":"p2","namespace":"b"},"containers":[]},
              {"metadata":{"name":"p3","namespace":"b"},"containers":[]}]}
            """)
        .once();

    MetricsSnapshot snapshot = reader.read("c");

    assertThat(snapshot.available()).isTrue();
    assertThat(snapshot.fetchedAt()).isEqualTo(CLOCK.instant());
    assertThat(snapshot.node("n1").cpuMillis()).isEqualTo(251);
    assertThat(snapshot.node("n1").memoryBytes()).isEqualTo(1024L * 1024 * 1024);
    assertThat(snapshot.node("n1").window()).isEqualTo(Duration.ofSeconds(15));
    assertThat(snapshot.pod("a", "p1").cpuNanos()).isEqualTo(1_000_500L);
    assertThat(snapshot.pod("a", "p1").cpuMillis()).isEqualTo(2);
    assertThat(snapshot.pod("a", "p1").memoryBytes()).isEqualTo(10L * 1024 * 1024 + 1024);
    // max-pods 2: the third pod is left out, and the snapshot says so
    assertThat(snapshot.podCount()).isEqualTo(2);
    assertThat(snapshot.truncated()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath()).isEqualTo(NODES);
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath()).isEqualTo(PODS);
  }

  @Test
  void aMissingApiServiceIsNotInstalledNotAnError() {
    server
        .expect()
        .get()
        .withPath(NODES)
        .andReturn(
            404,
            "{\"kind\":\"Status\",\"code\":404,\"message\":\"the server could not find the requested resource\"}")
        .once();

    MetricsSnapshot snapshot = reader.read("c");

    assertThat(snapshot.available()).isFalse();
    assertThat(snapshot.source().kind()).isEqualTo(MetricsSource.Kind.NONE);
    assertThat(snapshot.source().reason()).isEqualTo(MetricsSource.Reason.NOT_INSTALLED);
    assertThat(snapshot.nodes()).isEmpty();
  }

  @Test
  void anUnavailableMetricsServerIsUnavailableAndNotRetried() {
    server
        .expect()
        .get()
        .withPath(NODES)
        .andReturn(
            503,
            "{\"kind\":\"Status\",\"code\":503,\"message\":\"the server is currently unable to handle the request\"}")
        .always();

    MetricsSnapshot snapshot = reader.read("c");

    assertThat(snapshot.source().reason()).isEqualTo(MetricsSource.Reason.UNAVAILABLE);
    assertThat(snapshot.source().detail()).contains("unable to handle");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aForbiddenListIsForbidden() {
    server.expect().get().withPath(NODES).andReturn(200, "{\"items\":[]}").once();
    server
        .expect()
        .get()
        .withPath(PODS)
        .andReturn(
            403,
            "{\"kind\":\"Status\",\"code\":403,\"message\":\"pods.metrics.k8s.io is forbidden\"}")
        .once();

    assertThat(reader.read("c").source().reason()).isEqualTo(MetricsSource.Reason.FORBIDDEN);
  }

  @Test
  void aSlowMetricsApiTimesOut() {
    server
        .expect()
        .get()
        .delay(5, TimeUnit.SECONDS)
        .withPath(NODES)
        .andReturn(200, "{\"items\":[]}")
        .once();

    MetricsSnapshot snapshot = reader.read("c");

    assertThat(snapshot.source().reason()).isEqualTo(MetricsSource.Reason.TIMED_OUT);
    assertThat(snapshot.available()).isFalse();
  }
}
