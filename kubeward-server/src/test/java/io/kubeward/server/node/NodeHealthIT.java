package io.kubeward.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Node health detection on the local control plane: a fresh KWOK node whose heartbeats stop (KWOK
 * stops managing a node once its {@code kwok.x-k8s.io/node} annotation is gone) is detected, and
 * the detections end once KWOK manages it again. Other nodes keep their heartbeats.
 */
@LocalControlPlane
class NodeHealthIT {

  private static final String CLUSTER = "local";
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static String node;
  private static Session admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    node = "health-it-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    controlPlane.addNodes(List.of(FakeNode.inZone(node, "zone-h")));
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.node-health.scan-interval=1s",
            "--kubeward.node-health.heartbeat-stale-after=30s");
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
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
    assertThat(activeTypes()).isEmpty();

    setKwokAnnotation(null);

    await()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(() -> assertThat(activeTypes()).contains("HeartbeatStale", "Unknown"));
    JsonNode detail = admin.get("/api/v1/clusters/" + CLUSTER + "/nodes/" + node).json();
    assertThat(detail.path("heartbeatAgeSeconds").asLong()).isGreaterThan(30);
    assertThat(detail.path("health").toString()).contains("HeartbeatStale");

    setKwokAnnotation("fake");

    await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(activeTypes()).isEmpty());
    JsonNode ended =
        admin
            .get("/api/v1/clusters/" + CLUSTER + "/node-health?active=false&node=" + node)
            .json()
            .path("items");
    List<String> endedTypes = new ArrayList<>();
    for (JsonNode detection : ended) {
      endedTypes.add(detection.path("type").asString());
      assertThat(detection.path("endedAt").isNull()).isFalse();
      assertThat(detection.path("startedAt").asString())
          .isLessThanOrEqualTo(detection.path("endedAt").asString());
    }
    assertThat(endedTypes).contains("HeartbeatStale", "Unknown");
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

  private static void setKwokAnnotation(String value) {
    kube.nodes()
        .withName(node)
        .edit(
            n -> {
              if (value == null) {
                n.getMetadata().getAnnotations().remove(ControlPlane.KWOK_NODE_ANNOTATION);
              } else {
                n.getMetadata().getAnnotations().put(ControlPlane.KWOK_NODE_ANNOTATION, value);
              }
              return n;
            });
  }
}
