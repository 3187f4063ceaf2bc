package io.kubeward.server.alert.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation loop of a cluster on the local control plane, driven by nudges only (the periodic
 * evaluation is 10 minutes apart): a pod that KWOK makes crash-loop opens a diagnostics finding,
 * the finding nudges the engine of the replica that leads the cluster, the rule (a stand-in for the
 * rules part, {@link CrashLoopRulesForTests}) fires at once, routing is woken, the alert is shown
 * to callers who may list pods in its namespace only; the pod deleted, the alert resolves.
 */
@LocalControlPlane
class AlertLoopIT {

  private static final String CLUSTER = "local";

  @Test
  void aCrashLoopingPodFiresAndResolvesThroughNudges(
      ControlPlane controlPlane, KubernetesClient kube, TestNamespace ns, @TempDir Path dir) {
    CrashLoopRulesForTests.WAKES.clear();
    try (RunningServer server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--spring.main.sources=" + CrashLoopRulesForTests.class.getName(),
            "--kubeward.diagnostics.full-pass-interval=10s",
            "--kubeward.diagnostics.debounce=300ms",
            "--kubeward.alerting.evaluation-interval=10m",
            "--kubeward.alerting.nudge-debounce=200ms")) {
      Session admin = server.admin();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  server
                      .context()
                      .getBean(io.kubeward.runtime.kube.ControllerRuntime.class)
                      .leading(CLUSTER));

      kube.pods().inNamespace(ns.name()).resource(pod("crash")).create();

      JsonNode alert =
          await()
              .atMost(Duration.ofSeconds(90))
              .until(() -> firing(admin, ns.name()), a -> a != null);
      assertThat(alert.path("scope").asString()).isEqualTo("cluster/" + CLUSTER);
      assertThat(alert.path("labels").path("pod").asString()).isEqualTo("crash");
      assertThat(alert.path("labels").path("team").asString()).isEqualTo("shop");
      assertThat(alert.path("labels").path("rule").asString()).isEqualTo("pod-crash-looping");
      assertThat(alert.path("severity").asString()).isEqualTo("warning");
      assertThat(CrashLoopRulesForTests.WAKES).contains(AlertScope.ofCluster(CLUSTER));
      String fingerprint = alert.path("fingerprint").asString();

      // visibility: the pod's namespace decides
      Session stranger = server.newUser("loop-stranger", List.of());
      assertThat(items(stranger, "/api/v1/alerts")).isEmpty();
      assertThat(stranger.get("/api/v1/alerts/" + fingerprint + "?cluster=" + CLUSTER).status())
          .isEqualTo(404);
      Session viewer =
          server.newUser(
              "loop-viewer",
              List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", ns.name())));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(items(viewer, "/api/v1/alerts?cluster=" + CLUSTER))
                      .extracting(a -> a.path("fingerprint").asString())
                      .contains(fingerprint));
      Session elsewhere =
          server.newUser(
              "loop-elsewhere",
              List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", "default")));
      assertThat(items(elsewhere, "/api/v1/alerts?cluster=" + CLUSTER))
          .extracting(a -> a.path("fingerprint").asString())
          .doesNotContain(fingerprint);

      // the pod deleted: the finding resolves, the nudge resolves the alert
      kube.pods().inNamespace(ns.name()).withName("crash").withGracePeriod(0).delete();
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () ->
                  assertThat(
                          admin
                              .get("/api/v1/alerts/" + fingerprint + "?cluster=" + CLUSTER)
                              .json()
                              .path("alert")
                              .path("state")
                              .asString())
                      .isEqualTo("resolved"));
      JsonNode history =
          admin.get("/api/v1/alerts/" + fingerprint + "?cluster=" + CLUSTER).json().path("history");
      List<String> kinds = new ArrayList<>();
      history.forEach(e -> kinds.add(e.path("kind").asString()));
      assertThat(kinds).containsExactly("resolved", "firing");
      Response anonymous = server.get("/api/v1/alerts/history?cluster=" + CLUSTER);
      assertThat(anonymous.status()).isEqualTo(401);
    }
  }

  private static JsonNode firing(Session admin, String namespace) {
    for (JsonNode a :
        items(
            admin,
            "/api/v1/alerts?state=firing&cluster="
                + CLUSTER
                + "&matcher="
                + java.net.URLEncoder.encode(
                    "namespace=\"" + namespace + "\"", java.nio.charset.StandardCharsets.UTF_8))) {
      return a;
    }
    return null;
  }

  private static List<JsonNode> items(Session session, String path) {
    Response response = session.get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    response.json().path("items").forEach(out::add);
    return out;
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("sim.kubeward.io/state", "CrashLoopBackOff")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("shop/web:1")
        .endContainer()
        .endSpec()
        .build();
  }
}
