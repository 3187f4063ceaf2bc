package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubeward.cluster.app.CacheStatistics;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.NodeView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * fabric8's default gives up an informer whose first list fails; ours keep retrying, so a cluster
 * that is down when Kubeward starts is loaded when it comes up.
 */
class ClusterCacheRecoveryTest {

  private KubernetesMockServer server;
  private KubernetesClient client;
  private ClusterCache cache;

  @AfterEach
  void close() {
    if (cache != null) {
      cache.close();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.shutdown();
    }
  }

  @Test
  void informersWhoseFirstListFailedLoadTheClusterWhenItAppears() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:" + port)
                    .withRequestRetryBackoffLimit(0)
                    .withWatchReconnectInterval(100)
                    .build())
            .build();

    cache = ClusterCache.start("late", client);

    // Nothing listens yet: the first lists fail at once and the cache stays unsynced.
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !cache.hasSynced());
    CacheStatistics nodesWhileDown = nodes(cache);
    assertThat(nodesWhileDown.synced()).isFalse();
    assertThat(nodesWhileDown.lists()).isZero();
    assertThat(nodesWhileDown.lastEvent()).isNull();
    await().atMost(Duration.ofSeconds(5)).until(() -> nodes(cache).watchRestarts() > 0);
    assertThat(nodesWhileDown.lag()).isPositive();

    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), port);
    server
        .createClient()
        .nodes()
        .resource(new NodeBuilder().withNewMetadata().withName("node-0").endMetadata().build())
        .create();

    await().atMost(Duration.ofSeconds(20)).until(cache::hasSynced);
    assertThat(cache.snapshot().nodes()).extracting(NodeView::name).containsExactly("node-0");
    CacheStatistics nodes = nodes(cache);
    assertThat(nodes.size()).isEqualTo(1);
    assertThat(nodes.synced()).isTrue();
    assertThat(nodes.lists()).isEqualTo(1);
    assertThat(nodes.listTime()).isPositive();
    assertThat(nodes.lastEvent()).isNotNull();
    assertThat(cache.statistics()).hasSize(CachedKind.values().length);
  }

  private static CacheStatistics nodes(ClusterCache cache) {
    return cache.statistics().stream()
        .filter(s -> s.kind() == CachedKind.NODES)
        .findFirst()
        .orElseThrow();
  }
}
