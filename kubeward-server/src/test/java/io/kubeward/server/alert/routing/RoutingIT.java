package io.kubeward.server.alert.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Routing against the local control plane: a node under a running NodeMaintenance mutes its alerts
 * (read from the cluster's NodeMaintenance objects) until the maintenance ends; who may silence a
 * cluster's alerts is decided by the cluster's RBAC where Kubeward impersonates (patch nodes: a
 * cluster-wide operator may, a viewer may not).
 */
@LocalControlPlane
class RoutingIT {

  static final Duration DEADLINE = Duration.ofMinutes(2);
  static ControlPlane plane;
  static RunningServer server;
  static RunningServer.Client api;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s",
            "--kubeward.maintenance.poll=300ms",
            "--kubeward.alerting.maintenance-refresh=1s",
            "--kubeward.controllers.lease-duration=4s",
            "--kubeward.controllers.renew-deadline=3s",
            "--kubeward.controllers.retry-period=500ms");
    api = server.bearer(server.admin().createToken("routing-it", 1), Map.of());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    try (KubernetesClient kube = plane.newAdminClient()) {
      kube.nodes().withName("routing-mnt-1").delete();
    }
  }

  static JsonNode match(String node) {
    RunningServer.Response r =
        api.post(
            "/api/v1/alerting/policy/match",
            Map.of(
                "labels",
                Map.of("alertname", "pod-crash-looping", "cluster", "local", "node", node)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static String step(String maintenance, String node) {
    JsonNode view = api.get("/api/v1/clusters/local/maintenances/" + maintenance).json();
    for (JsonNode n : view.path("nodes")) {
      if (node.equals(n.path("name").asString())) {
        return n.path("step").asString();
      }
    }
    return "";
  }

  @Test
  void aNodeUnderMaintenanceMutesItsAlertsUntilTheMaintenanceEnds() {
    plane.addNodes(List.of(FakeNode.inZone("routing-mnt-1", "zone-r")));
    assertThat(match("routing-mnt-1").path("maintenance").asBoolean()).isFalse();

    RunningServer.Response created =
        api.post(
            "/api/v1/clusters/local/maintenances",
            Map.of(
                "name", "routing-mute",
                "nodes", List.of("routing-mnt-1"),
                "action",
                    Map.of("type", "WaitForAnnotation", "annotation", "test.kubeward.io/never")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    await("node in its maintenance's action")
        .atMost(DEADLINE)
        .until(() -> step("routing-mute", "routing-mnt-1").equals("Action"));
    await("alerts of the node muted")
        .atMost(DEADLINE)
        .until(() -> match("routing-mnt-1").path("maintenance").asBoolean());
    assertThat(match("routing-mnt-1").path("notified").asBoolean()).isFalse();
    assertThat(match("another-node").path("maintenance").asBoolean()).isFalse();

    assertThat(api.post("/api/v1/clusters/local/maintenances/routing-mute/cancel", null).status())
        .isEqualTo(200);
    await("mute lifted when the maintenance ends")
        .atMost(DEADLINE)
        .until(() -> !match("routing-mnt-1").path("maintenance").asBoolean());
  }

  @Test
  void theClustersRbacDecidesWhoMaySilenceItsAlerts() {
    Map<String, Object> silence =
        Map.of(
            "matchers", List.of("cluster=\"local\"", "alertname=\"pvc-pending\""),
            "endsAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
            "comment", "storage migration");
    RunningServer.Session operator =
        server.newUser(
            "routing-operator",
            List.of(Map.of("role", "operator", "cluster", "local", "namespace", "*")));
    RunningServer.Session viewer =
        server.newUser(
            "routing-viewer",
            List.of(Map.of("role", "viewer", "cluster", "local", "namespace", "*")));
    await("the operator's bindings work")
        .atMost(DEADLINE)
        .until(() -> operator.post("/api/v1/silences", silence).status() == 201);
    RunningServer.Response refused = viewer.post("/api/v1/silences", silence);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    JsonNode listed = viewer.get("/api/v1/silences").json();
    assertThat(listed.toString()).contains("storage migration").contains("routing-operator");
    String id = listed.get(0).path("id").asString();
    assertThat(viewer.delete("/api/v1/silences/" + id).status()).isEqualTo(403);
    assertThat(operator.delete("/api/v1/silences/" + id).json().path("state").asString())
        .isEqualTo("expired");
    JsonNode matched =
        api.post(
                "/api/v1/alerting/policy/match",
                Map.of("labels", Map.of("cluster", "local", "alertname", "pvc-pending")))
            .json();
    assertThat(matched.path("silencedBy").size()).isZero();
  }
}
