package io.kubeward.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.Component;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Node health detection on the local control plane: the heartbeats of one fresh KWOK node stop (the
 * test holds its Lease as another holder, so KWOK neither renews it nor posts the node's status;
 * removing the {@code kwok.x-k8s.io/node} annotation does not stop KWOK's Lease renewals) and are
 * detected; the detections end when the borrowed Lease expires and KWOK's heartbeats resume. Other
 * nodes keep their heartbeats.
 */
@LocalControlPlane
class NodeHealthIT {

  private static final String CLUSTER = "local";
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static String node;
  private static Session admin;
  private static ControlPlane controlPlane;

  @BeforeAll
  static void start(ControlPlane plane) {
    controlPlane = plane;
    node = "health-it-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    controlPlane.addNodes(List.of(FakeNode.inZone(node, "zone-h")));
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.node-health.scan-interval=1s",
            "--kubeward.node-health.heartbeat-stale-after=30s");
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      awaitAllNodesReady();
      kube.nodes().withName(node).delete();
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aNodeWhoseHeartbeatStopsIsDetectedAndRecoversWhenHeartbeatsResume() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> admin.get("/api/v1/clusters/" + CLUSTER + "/nodes/" + node).status() == 200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> kube.leases().inNamespace("kube-node-lease").withName(node).get() != null);
    assertThat(activeTypes()).isEmpty();

    controlPlane.stopComponent(Component.KWOK);
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .untilAsserted(() -> assertThat(activeTypes()).as(state()).contains("HeartbeatStale"));
      JsonNode detail = admin.get("/api/v1/clusters/" + CLUSTER + "/nodes/" + node).json();
      assertThat(detail.path("heartbeatAgeSeconds").asLong()).isGreaterThanOrEqualTo(30);
      assertThat(detail.path("health").toString()).contains("HeartbeatStale");
      await()
          .atMost(Duration.ofMinutes(2))
          .untilAsserted(() -> assertThat(activeTypes()).as(state()).contains("Unknown"));
    } finally {
      controlPlane.startComponent(Component.KWOK);
    }

    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(() -> assertThat(activeTypes()).as(state()).isEmpty());
    JsonNode ended =
        admin
            .get("/api/v1/clusters/" + CLUSTER + "/node-health?active=false&node=" + node)
            .json()
            .path("items");
    List<String> endedTypes = new ArrayList<>();
    for (JsonNode detection : ended) {
      endedTypes.add(detection.path("type").asString());
      assertThat(detection.path("endedAt").isNull()).isFalse();
      assertThat(Instant.parse(detection.path("startedAt").asString()))
          .isBefore(Instant.parse(detection.path("endedAt").asString()));
    }
    assertThat(endedTypes).contains("HeartbeatStale", "Unknown");
  }

  /** Leaves every node Ready again for the tests that follow. */
  private static void awaitAllNodesReady() {
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                kube.nodes().list().getItems().stream()
                    .filter(n -> !n.getMetadata().getName().equals(node))
                    .allMatch(
                        n ->
                            n.getStatus().getConditions().stream()
                                .anyMatch(
                                    c ->
                                        "Ready".equals(c.getType())
                                            && "True".equals(c.getStatus()))));
  }

  /** What the cluster says of the node, for failure messages. */
  private static String state() {
    var lease = kube.leases().inNamespace("kube-node-lease").withName(node).get();
    var live = kube.nodes().withName(node).get();
    return "lease renewTime "
        + (lease == null ? "none" : lease.getSpec().getRenewTime())
        + ", annotations "
        + live.getMetadata().getAnnotations()
        + ", conditions "
        + live.getStatus().getConditions().stream()
            .map(c -> c.getType() + "=" + c.getStatus() + "@" + c.getLastHeartbeatTime())
            .toList();
  }

  private static List<String> activeTypes() {
    var page = admin.get("/api/v1/clusters/" + CLUSTER + "/node-health?active=true&node=" + node);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> types = new ArrayList<>();
    for (JsonNode detection : page.json().path("items")) {
      assertThat(detection.path("node").asString()).isEqualTo(node);
      types.add(detection.path("type").asString());
    }
    return types;
  }
}
