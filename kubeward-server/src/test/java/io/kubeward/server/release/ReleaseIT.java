package io.kubeward.server.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.release.domain.ReleaseLabels;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Releases on the local control plane (KWOK runs the pods): a canary by replica ratio through its
 * steps — the ratio holds at each step, counted from the apiserver — paused until promoted,
 * promoted to 100 %; an abort that restores stable and a retry from step 0; blue-green selectors;
 * and a restart of Kubeward that resumes at the recorded step without acting twice.
 */
@LocalControlPlane
class ReleaseIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String NEW_IMAGE = "registry.example/app:2";
  @TempDir static Path dir;
  private static ControlPlane plane;
  private static RunningServer server;
  private static Session admin;
  private static KubernetesClient kube;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    kube = controlPlane.newAdminClient();
    server = startServer();
    admin = server.admin();
  }

  private static int starts;

  /** A Kubeward process; each start with a data folder of its own: the state lives in the CRD. */
  private static RunningServer startServer() {
    starts++;
    return RunningServer.start(
        "--kubeconfig",
        plane.kubewardKubeconfig().toString(),
        "--kubeward.cluster-name=" + CLUSTER,
        "--kubeward.data-dir=" + dir.resolve("data-" + starts),
        "--kubeward.release.readiness-poll=300ms");
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  // ------------------------------------------------------------------ helpers

  private static void givenAppWith4Replicas(String ns, String name) {
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment(name, 4, Map.of()))
        .create();
    Service service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .withSelector(Map.of("app", name))
            .addNewPort()
            .withPort(80)
            .endPort()
            .endSpec()
            .build();
    kube.services().inNamespace(ns).resource(service).create();
    await().atMost(WAIT).until(() -> readyPods(ns, name, Workloads.IMAGE) == 4);
  }

  /** Running, ready pods of app {@code name} with {@code image}, read from the apiserver. */
  private static long readyPods(String ns, String app, String image) {
    return kube.pods().inNamespace(ns).withLabel("app", app).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> image.equals(p.getSpec().getContainers().get(0).getImage()))
        .filter(ReleaseIT::ready)
        .count();
  }

  private static boolean ready(Pod p) {
    return p.getStatus() != null
        && p.getStatus().getConditions() != null
        && p.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static long pods(String ns, String app) {
    return kube.pods().inNamespace(ns).withLabel("app", app).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .count();
  }

  private static Map<String, Object> canary(String deployment, List<Map<String, Object>> steps) {
    return Map.of(
        "spec",
        Map.of(
            "deployment",
            deployment,
            "version",
            Map.of("images", Map.of("app", NEW_IMAGE)),
            "strategy",
            Map.of("canary", Map.of("stableService", deployment, "steps", steps))));
  }

  private static JsonNode release(String ns, String name) {
    return admin.get(C + "/namespaces/" + ns + "/releases/" + name).json();
  }

  private static void awaitPhase(String ns, String name, String phase, int step) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode r = release(ns, name);
              assertThat(r.path("phase").asString() + "@" + r.path("currentStep").asInt())
                  .as(r.toString())
                  .isEqualTo(phase + "@" + step);
            });
  }

  private static void put(String ns, String name, Map<String, Object> body) {
    RunningServer.Response r = admin.put(C + "/namespaces/" + ns + "/releases/" + name, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static void post(String ns, String name, String action, Object body) {
    RunningServer.Response r =
        admin.post(C + "/namespaces/" + ns + "/releases/" + name + "/" + action, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ canary

  @Test
  void aCanaryByReplicaRatioHoldsTheRatioAtEachStepPausesUntilPromotedAndPromotesTo100(
      TestNamespace namespace) {
    String ns = namespace.name();
    givenAppWith4Replicas(ns, "web");

    put(
        ns,
        "v2",
        canary(
            "web",
            List.of(
                Map.of("setWeight", 25),
                Map.of("pause", Map.of()),
                Map.of("setWeight", 50),
                Map.of("pause", Map.of("duration", "1s")))));

    // step 0 → 25 %: 1 canary pod of the new version, 3 stable; then paused until promoted
    awaitPhase(ns, "v2", "Paused", 1);
    await().atMost(WAIT).until(() -> readyPods(ns, "web", NEW_IMAGE) == 1);
    await()
        .atMost(WAIT)
        .until(() -> readyPods(ns, "web", Workloads.IMAGE) == 3 && pods(ns, "web") == 4);
    assertThat(release(ns, "v2").path("canaryWeight").asInt()).isEqualTo(25);
    Deployment canary = kube.apps().deployments().inNamespace(ns).withName("web-v2").get();
    assertThat(canary.getMetadata().getLabels()).containsEntry(ReleaseLabels.TRACK, "canary");
    assertThat(canary.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Release");
    assertThat(
            kube.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> "Release".equals(e.getInvolvedObject().getKind()))
                .map(e -> e.getReason())
                .toList())
        .contains("Started", "StepStarted", "WeightSet", "Paused");

    // promote: 50 % (2 + 2), the timed pause, then the Deployment gets the new version
    post(ns, "v2", "promote", Map.of());
    awaitPhase(ns, "v2", "Succeeded", 4);
    await().atMost(WAIT).until(() -> readyPods(ns, "web", NEW_IMAGE) == 4 && pods(ns, "web") == 4);
    Deployment web = kube.apps().deployments().inNamespace(ns).withName("web").get();
    assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(NEW_IMAGE);
    assertThat(web.getSpec().getReplicas()).isEqualTo(4);
    await()
        .atMost(WAIT)
        .until(() -> kube.apps().deployments().inNamespace(ns).withName("web-v2").get() == null);
  }

  @Test
  void anAbortRestoresStableAndARetryStartsAgainAtStep0(TestNamespace namespace) {
    String ns = namespace.name();
    givenAppWith4Replicas(ns, "shop");
    put(ns, "v2", canary("shop", List.of(Map.of("setWeight", 50), Map.of("pause", Map.of()))));
    awaitPhase(ns, "v2", "Paused", 1);
    await().atMost(WAIT).until(() -> readyPods(ns, "shop", NEW_IMAGE) == 2);
    await().atMost(WAIT).until(() -> readyPods(ns, "shop", Workloads.IMAGE) == 2);

    post(ns, "v2", "abort", Map.of());
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode r = release(ns, "v2");
              assertThat(r.path("phase").asString()).isEqualTo("Degraded");
              assertThat(r.path("status").path("abort").path("reason").asString())
                  .isEqualTo("Aborted");
            });
    await()
        .atMost(WAIT)
        .until(
            () ->
                readyPods(ns, "shop", Workloads.IMAGE) == 4
                    && pods(ns, "shop") == 4
                    && kube.apps()
                            .deployments()
                            .inNamespace(ns)
                            .withName("shop-v2")
                            .get()
                            .getSpec()
                            .getReplicas()
                        == 0);

    post(ns, "v2", "retry", Map.of());
    awaitPhase(ns, "v2", "Paused", 1);
    await().atMost(WAIT).until(() -> readyPods(ns, "shop", NEW_IMAGE) == 2);
  }

  @Test
  void anInvalidReleaseIsRefusedWithItsProblems(TestNamespace namespace) {
    RunningServer.Response r =
        admin.put(
            C + "/namespaces/" + namespace.name() + "/releases/bad",
            Map.of(
                "spec",
                Map.of(
                    "deployment",
                    "web",
                    "version",
                    Map.of("images", Map.of("app", NEW_IMAGE)),
                    "strategy",
                    Map.of(
                        "canary",
                        Map.of(
                            "stableService", "web", "steps", List.of(Map.of("setWeight", 150)))))));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.problemCode()).isEqualTo("release.invalid");
    assertThat(r.body()).contains("spec.strategy.canary.steps[0].setWeight");
  }

  // ------------------------------------------------------------------ blue-green

  @Test
  void blueGreenSwitchesTheActiveSelectorOnlyAfterPromotion(TestNamespace namespace) {
    String ns = namespace.name();
    givenAppWith4Replicas(ns, "api");
    put(
        ns,
        "v2",
        Map.of(
            "spec",
            Map.of(
                "deployment",
                "api",
                "version",
                Map.of("images", Map.of("app", NEW_IMAGE)),
                "strategy",
                Map.of(
                    "blueGreen",
                    Map.of(
                        "activeService",
                        "api",
                        "previewService",
                        "api-preview",
                        "scaleDownDelay",
                        "1s")))));
    awaitPhase(ns, "v2", "Paused", 1);
    await().atMost(WAIT).until(() -> readyPods(ns, "api", NEW_IMAGE) == 4);
    Service active = kube.services().inNamespace(ns).withName("api").get();
    Service preview = kube.services().inNamespace(ns).withName("api-preview").get();
    String stableHash = release(ns, "v2").path("status").path("stableHash").asString();
    assertThat(active.getSpec().getSelector())
        .containsEntry("app", "api")
        .containsEntry("pod-template-hash", stableHash)
        .doesNotContainKey(ReleaseLabels.TRACK);
    assertThat(active.getMetadata().getAnnotations()).containsKey(ReleaseLabels.ORIGINAL_SELECTOR);
    assertThat(preview.getSpec().getSelector()).containsEntry(ReleaseLabels.TRACK, "canary");
    // the preview Service selects only new pods, the active one only old pods
    assertThat(selected(ns, preview)).allMatch(p -> NEW_IMAGE.equals(image(p))).hasSize(4);
    assertThat(selected(ns, active)).allMatch(p -> Workloads.IMAGE.equals(image(p))).hasSize(4);

    post(ns, "v2", "promote", Map.of());
    awaitPhase(ns, "v2", "Succeeded", 3);
    Service restored = kube.services().inNamespace(ns).withName("api").get();
    assertThat(restored.getSpec().getSelector()).isEqualTo(Map.of("app", "api"));
    assertThat(restored.getMetadata().getAnnotations())
        .doesNotContainKey(ReleaseLabels.ORIGINAL_SELECTOR);
    await().atMost(WAIT).until(() -> readyPods(ns, "api", NEW_IMAGE) == 4 && pods(ns, "api") == 4);
  }

  private static List<Pod> selected(String ns, Service service) {
    return kube
        .pods()
        .inNamespace(ns)
        .withLabels(service.getSpec().getSelector())
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private static String image(Pod p) {
    return p.getSpec().getContainers().get(0).getImage();
  }

  // ------------------------------------------------------------------ restart

  @Test
  void aRestartedKubewardResumesAtTheRecordedStepWithoutActingTwice(TestNamespace namespace) {
    String ns = namespace.name();
    givenAppWith4Replicas(ns, "cart");
    put(
        ns,
        "v2",
        canary(
            "cart",
            List.of(
                Map.of("setWeight", 25),
                Map.of("pause", Map.of()),
                Map.of("setWeight", 75),
                Map.of("pause", Map.of()))));
    awaitPhase(ns, "v2", "Paused", 1);
    await().atMost(WAIT).until(() -> readyPods(ns, "cart", NEW_IMAGE) == 1);
    long canaryGeneration = generation(ns, "cart-v2");
    long stableGeneration = generation(ns, "cart");
    String resourceVersion = release(ns, "v2").path("resourceVersion").asString();

    server.close();
    server = startServer();
    admin = server.admin();

    // the new process leads and reconciles the Release, and changes nothing
    var runtime = server.context().getBean(io.kubeward.runtime.kube.ControllerRuntime.class);
    await()
        .atMost(WAIT)
        .until(
            () ->
                runtime.metrics().stream()
                    .anyMatch(
                        m ->
                            m.controller().equals("releases")
                                && m.reconciles() > 0
                                && m.queueDepth() == 0));
    JsonNode after = release(ns, "v2");
    assertThat(after.path("phase").asString()).isEqualTo("Paused");
    assertThat(after.path("currentStep").asInt()).isEqualTo(1);
    assertThat(generation(ns, "cart-v2")).isEqualTo(canaryGeneration);
    assertThat(generation(ns, "cart")).isEqualTo(stableGeneration);
    assertThat(after.path("resourceVersion").asString()).isEqualTo(resourceVersion);

    post(ns, "v2", "promote", Map.of());
    awaitPhase(ns, "v2", "Paused", 3);
    await()
        .atMost(WAIT)
        .until(
            () ->
                readyPods(ns, "cart", NEW_IMAGE) == 3
                    && readyPods(ns, "cart", Workloads.IMAGE) == 1);
  }

  private static long generation(String ns, String name) {
    return kube.apps()
        .deployments()
        .inNamespace(ns)
        .withName(name)
        .get()
        .getMetadata()
        .getGeneration();
  }
}
