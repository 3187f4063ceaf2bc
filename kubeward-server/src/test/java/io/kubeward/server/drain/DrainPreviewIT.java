package io.kubeward.server.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.drain.domain.PodFate;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET .../nodes/{node}/drain-preview} on the server against the real control plane. */
@LocalControlPlane
class DrainPreviewIT {

  private static final String NODE = "kwok-node-0";
  static RunningServer server;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String preview(String node, String query) {
    return "/api/v1/clusters/local/nodes/" + node + "/drain-preview" + query;
  }

  private static JsonNode podIn(JsonNode plan, String namespace, String name) {
    for (JsonNode pod : plan.get("pods")) {
      if (pod.get("namespace").asString().equals(namespace)
          && pod.get("name").asString().equals(name)) {
        return pod;
      }
    }
    throw new AssertionError("no pod " + namespace + "/" + name + " in " + plan);
  }

  @Test
  void previewShowsEachPodsFateAndTheCountsAndChangesNothing(
      KubernetesClient client, TestNamespace namespace) {
    Pod bare =
        new PodBuilder()
            .withNewMetadata()
            .withName("debug")
            .endMetadata()
            .withNewSpec()
            .withNodeName(NODE)
            .addNewContainer()
            .withName("app")
            .withImage("registry.example/app:1")
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace(namespace.name()).resource(bare).create();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "Running"
                    .equals(
                        client
                            .pods()
                            .inNamespace(namespace.name())
                            .withName("debug")
                            .get()
                            .getStatus()
                            .getPhase()));

    Response refused = server.getAsAdmin(preview(NODE, ""));

    assertThat(refused.status()).as(refused.body()).isEqualTo(200);
    JsonNode plan = refused.json();
    assertThat(plan.get("node").asString()).isEqualTo(NODE);
    assertThat(plan.get("verdict").asString()).isEqualTo("REFUSED");
    JsonNode debug = podIn(plan, namespace.name(), "debug");
    assertThat(debug.get("fate").asString()).isEqualTo("NEEDS_FORCE");
    assertThat(debug.get("ownerKind").isNull()).isTrue();
    assertThat(debug.get("reason").asString()).contains("force");
    JsonNode counts = plan.get("counts");
    int total = 0;
    for (PodFate fate : PodFate.values()) {
      assertThat(counts.has(fate.name())).as(fate.name()).isTrue();
      total += counts.get(fate.name()).asInt();
    }
    assertThat(total).isEqualTo(plan.get("pods").size());
    assertThat(counts.get("NEEDS_FORCE").asInt()).isPositive();

    Response forced = server.getAsAdmin(preview(NODE, "?force=true&deleteEmptyDirData=true"));
    assertThat(forced.status()).as(forced.body()).isEqualTo(200);
    assertThat(podIn(forced.json(), namespace.name(), "debug").get("fate").asString())
        .isEqualTo("EVICT");
    assertThat(forced.json().get("verdict").asString()).isNotEqualTo("REFUSED");

    assertThat(client.pods().inNamespace(namespace.name()).withName("debug").get()).isNotNull();
  }

  @Test
  void unknownNodeIsANotFoundProblemInEnglishAndChinese() {
    Response english = server.getAsAdmin(preview("no-such-node", ""), "en");
    Response chinese = server.getAsAdmin(preview("no-such-node", ""), "zh-CN");

    assertThat(english.status()).isEqualTo(404);
    assertThat(english.contentType()).startsWith("application/problem+json");
    assertThat(english.problemCode()).isEqualTo("node.not-found");
    assertThat(english.json().get("title").asString()).isEqualTo("Node not found");
    assertThat(english.json().get("detail").asString()).contains("no-such-node").contains("local");
    assertThat(english.json().get("node").asString()).isEqualTo("no-such-node");
    assertThat(chinese.status()).isEqualTo(404);
    assertThat(chinese.json().get("title").asString()).isEqualTo("节点不存在");
    assertThat(chinese.json().get("detail").asString()).contains("no-such-node");
  }

  @Test
  void aViewerOfOneNamespaceMayNotPreviewADrain() {
    var viewer =
        server.newUser(
            "drain-viewer",
            List.of(Map.of("role", "viewer", "cluster", "local", "namespace", "default")));

    Response denied = viewer.get(preview(NODE, ""));

    // the preview reads the node and its pods as the viewer: the cluster refuses, naming why
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.problemCode()).isEqualTo("resource.forbidden");
    assertThat(denied.json().get("reason").asString())
        .contains("kubeward:drain-viewer")
        .contains("nodes");
  }
}
