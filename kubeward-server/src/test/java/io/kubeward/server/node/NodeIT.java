package io.kubeward.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.node.domain.NodeMetadata;
import io.kubeward.node.kube.KubeNodes;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.Conflicts;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Node detail, label/taint edits with preview, and cordon through the REST API on a fresh KWOK node
 * of the local control plane; every change is read back with the fabric8 client.
 */
@LocalControlPlane
class NodeIT {

  private static final String CLUSTER = "local";
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static String node;
  private static Session admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    node = "node-it-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    controlPlane.addNodes(List.of(FakeNode.inZone(node, "zone-n")));
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.security.login.max-failures-per-address=1000");
    admin = server.admin();
    await().atMost(Duration.ofSeconds(30)).until(() -> admin.get(nodePath("")).status() == 200);
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

  @BeforeEach
  void resetNode() {
    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(node)
                .edit(
                    n -> {
                      n.getMetadata().getLabels().keySet().removeIf(k -> k.startsWith("team"));
                      n.getSpec().setTaints(null);
                      n.getSpec().setUnschedulable(null);
                      return n;
                    }));
  }

  @Test
  void detailShowsConditionsTaintsResourcesAndThePodsOnTheNode(TestNamespace namespace) {
    kube.pods()
        .inNamespace(namespace.name())
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("pinned")
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .addNewContainer()
                .withName("app")
                .withImage("example/app:1")
                .withNewResources()
                .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("250m"))
                .addToRequests(
                    "ephemeral-storage", new io.fabric8.kubernetes.api.model.Quantity("1Gi"))
                .endResources()
                .endContainer()
                .endSpec()
                .build())
        .create();
    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(node)
                .edit(
                    n -> {
                      n.getSpec()
                          .setTaints(
                              List.of(
                                  new TaintBuilder()
                                      .withKey("dedicated")
                                      .withValue("batch")
                                      .withEffect("NoSchedule")
                                      .build()));
                      return n;
                    }));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode detail = admin.get(nodePath("")).json();
              assertThat(detail.path("taints").toString())
                  .contains("\"key\":\"dedicated\"", "\"value\":\"batch\"", "NoSchedule");
              assertThat(detail.path("pods").toString())
                  .contains("\"namespace\":\"" + namespace.name() + "\"", "\"name\":\"pinned\"");
              assertThat(detail.path("requested").path("cpuMillis").asLong()).isEqualTo(250);
              assertThat(detail.path("requested").path("ephemeralStorageBytes").asLong())
                  .isEqualTo(1L << 30);
            });
    JsonNode detail = admin.get(nodePath("")).json();
    assertThat(detail.path("name").asString()).isEqualTo(node);
    assertThat(detail.path("zone").asString()).isEqualTo("zone-n");
    assertThat(detail.path("capacity").path("ephemeralStorageBytes").asLong())
        .isEqualTo(100L << 30);
    JsonNode ready = condition(detail, "Ready");
    assertThat(ready.path("status").asString()).isEqualTo("True");
    assertThat(ready.path("since").isNull()).isFalse();
    assertThat(ready.path("lastHeartbeat").isNull()).isFalse();
    assertThat(detail.path("heartbeatAgeSeconds").isNumber()).isTrue();
    assertThat(detail.has("health")).isTrue();
  }

  @Test
  void previewShowsTheDiffAndChangesNothing() {
    Map<String, String> labels = new java.util.HashMap<>(liveLabels());
    labels.put("team", "payments");
    Response preview =
        admin.post(
            nodePath("/metadata/preview"),
            Map.of(
                "labels",
                labels,
                "taints",
                List.of(Map.of("key", "dedicated", "value", "gpu", "effect", "NoExecute"))));

    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().path("changed").asBoolean()).isTrue();
    assertThat(preview.json().path("diff").asString())
        .contains("+  team=payments", "+  dedicated=gpu:NoExecute");
    Node live = kube.nodes().withName(node).get();
    assertThat(live.getMetadata().getLabels()).doesNotContainKey("team");
    assertThat(live.getSpec().getTaints()).isNullOrEmpty();
  }

  @Test
  void applyReplacesLabelsAndTaintsAndIsAuditedWithTheDiff() {
    Map<String, String> labels = new java.util.HashMap<>(liveLabels());
    labels.put("team", "payments");
    labels.put("team-tier", "");
    int before = auditCount("node.metadata");

    Response applied =
        admin.put(
            nodePath("/metadata"),
            Map.of(
                "labels",
                labels,
                "taints",
                List.of(
                    Map.of("key", "dedicated", "value", "gpu", "effect", "NoSchedule"),
                    Map.of("key", "maintenance", "effect", "PreferNoSchedule"))));

    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(applied.json().path("labels").path("team").asString()).isEqualTo("payments");
    Node live = kube.nodes().withName(node).get();
    assertThat(live.getMetadata().getLabels())
        .containsEntry("team", "payments")
        .containsEntry("team-tier", "")
        .containsEntry("kubernetes.io/hostname", node);
    assertThat(live.getSpec().getTaints())
        .extracting(Taint::getKey, Taint::getValue, Taint::getEffect)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dedicated", "gpu", "NoSchedule"),
            org.assertj.core.groups.Tuple.tuple("maintenance", null, "PreferNoSchedule"));
    JsonNode record = lastAudit("node.metadata");
    assertThat(auditCount("node.metadata")).isEqualTo(before + 1);
    assertThat(record.path("name").asString()).isEqualTo(node);
    assertThat(record.path("result").asString()).isEqualToIgnoringCase("success");
    assertThat(record.path("diff").asString()).contains("+  team=payments");

    // removing a label and every taint
    labels.remove("team-tier");
    Response removed =
        admin.put(nodePath("/metadata"), Map.of("labels", labels, "taints", List.of()));
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    Node after = kube.nodes().withName(node).get();
    assertThat(after.getMetadata().getLabels()).doesNotContainKey("team-tier");
    assertThat(after.getSpec().getTaints()).isNullOrEmpty();
  }

  @Test
  void anInvalidLabelOrTaintIsRefusedWithTheKeyChangesNothingAndIsAuditedOnce() {
    Map<String, String> labels = new java.util.HashMap<>(liveLabels());
    labels.put("team", "payments");
    labels.put("bad key!", "x");
    int before = auditCount("node.metadata");

    Response refused =
        admin.send(
            "PUT",
            nodePath("/metadata"),
            Map.of("labels", labels, "taints", List.of()),
            Map.of("Accept-Language", "zh-CN"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.problemCode()).isEqualTo("node.invalid-label");
    assertThat(refused.json().path("key").asString()).isEqualTo("bad key!");
    assertThat(refused.json().path("title").asString()).isEqualTo("标签无效");
    assertThat(auditCount("node.metadata")).isEqualTo(before + 1);
    assertThat(lastAudit("node.metadata").path("result").asString())
        .isEqualToIgnoringCase("failure");
    assertThat(kube.nodes().withName(node).get().getMetadata().getLabels())
        .doesNotContainKey("team");

    Response badTaint =
        admin.post(
            nodePath("/metadata/preview"),
            Map.of(
                "labels",
                liveLabels(),
                "taints",
                List.of(Map.of("key", "dedicated", "value", "gpu", "effect", "Never"))));
    assertThat(badTaint.status()).as(badTaint.body()).isEqualTo(400);
    assertThat(badTaint.problemCode()).isEqualTo("node.invalid-taint");
    assertThat(badTaint.json().path("key").asString()).isEqualTo("dedicated");
    assertThat(kube.nodes().withName(node).get().getSpec().getTaints()).isNullOrEmpty();
  }

  @Test
  void cordonAndUncordonReachTheClusterAndAreAudited() {
    int cordons = auditCount("node.cordon");
    int uncordons = auditCount("node.uncordon");

    Response cordoned = admin.post(nodePath("/cordon"), null);

    assertThat(cordoned.status()).as(cordoned.body()).isEqualTo(200);
    assertThat(cordoned.json().path("unschedulable").asBoolean()).isTrue();
    assertThat(kube.nodes().withName(node).get().getSpec().getUnschedulable()).isTrue();
    assertThat(auditCount("node.cordon")).isEqualTo(cordons + 1);
    assertThat(lastAudit("node.cordon").path("diff").asString()).contains("+unschedulable: true");

    Response uncordoned = admin.post(nodePath("/uncordon"), null);

    assertThat(uncordoned.status()).as(uncordoned.body()).isEqualTo(200);
    assertThat(uncordoned.json().path("unschedulable").asBoolean()).isFalse();
    assertThat(kube.nodes().withName(node).get().getSpec().getUnschedulable())
        .isNotEqualTo(Boolean.TRUE);
    assertThat(auditCount("node.uncordon")).isEqualTo(uncordons + 1);
  }

  @Test
  void aViewerMayReadButNotChangeTheNode() {
    Session viewer =
        server.newUser(
            "node-viewer", List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", "*")));
    Session namespaceOperator =
        server.newUser(
            "node-ns-operator",
            List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", "default")));
    int cordons = auditCount("node.cordon");

    assertThat(viewer.get(nodePath("")).status()).isEqualTo(200);
    Response denied = viewer.post(nodePath("/cordon"), null);
    Response deniedEdit =
        namespaceOperator.put(
            nodePath("/metadata"), Map.of("labels", Map.of("team", "x"), "taints", List.of()));

    assertThat(denied.status()).as(denied.body()).isEqualTo(403);
    assertThat(deniedEdit.status()).as(deniedEdit.body()).isEqualTo(403);
    assertThat(namespaceOperator.get(nodePath("")).status()).isEqualTo(403);
    Node live = kube.nodes().withName(node).get();
    assertThat(live.getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
    assertThat(live.getMetadata().getLabels()).doesNotContainKey("team");
    assertThat(auditCount("node.cordon")).isEqualTo(cordons + 1);
  }

  @Test
  void aMetadataWriteBasedOnAStaleVersionIsAConflictAndChangesNothing() {
    KubeNodes nodes =
        new KubeNodes(
            ClusterClients.fixed(
                kube, new ClusterAccess(ClusterAccess.Mode.READ_ONLY, "test", Instant.EPOCH)));
    Caller kubeward = Caller.controller("test");
    NodeGateway.LiveNode read = nodes.get(kubeward, CLUSTER, node).orElseThrow();
    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(node)
                .edit(
                    n -> {
                      n.getMetadata().getLabels().put("team-meanwhile", "x");
                      return n;
                    }));
    Map<String, String> labels = new java.util.HashMap<>(read.metadata().labels());
    labels.put("team", "late");

    assertThatThrownBy(
            () ->
                nodes.writeMetadata(
                    kubeward,
                    CLUSTER,
                    node,
                    read.view().resourceVersion(),
                    read.metadata(),
                    new NodeMetadata(labels, List.of())))
        .isInstanceOfSatisfying(
            ClusterApiException.class, e -> assertThat(e.code()).isEqualTo("resource.conflict"));
    assertThat(liveLabels()).doesNotContainKey("team").containsKey("team-meanwhile");
  }

  @Test
  void anUnknownNodeIs404() {
    Response missing = admin.get("/api/v1/clusters/" + CLUSTER + "/nodes/no-such-node");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.problemCode()).isEqualTo("node.not-found");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static String nodePath(String suffix) {
    return "/api/v1/clusters/" + CLUSTER + "/nodes/" + node + suffix;
  }

  private static Map<String, String> liveLabels() {
    return kube.nodes().withName(node).get().getMetadata().getLabels();
  }

  private static JsonNode condition(JsonNode detail, String type) {
    for (JsonNode condition : detail.path("conditions")) {
      if (condition.path("type").asString().equals(type)) {
        return condition;
      }
    }
    throw new AssertionError("no condition " + type + " in " + detail);
  }

  private static int auditCount(String verb) {
    Response page = admin.get("/api/v1/audit?limit=500&verb=" + verb);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items").size();
  }

  private static JsonNode lastAudit(String verb) {
    return admin.get("/api/v1/audit?limit=1&verb=" + verb).json().get("items").get(0);
  }
}
