package io.kubeward.server.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.Crds;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * HPA management through the REST API on the local control plane, read back from the apiserver: the
 * HPA created is exactly the spec sent; the detail shows what the controller-manager's HPA
 * controller wrote; an edit with a stale resourceVersion is a conflict; invalid input is refused
 * precisely and leaves the apiserver unchanged; a user without rights is refused by Kubernetes;
 * VPAs appear once their CRD exists.
 */
@LocalControlPlane
class HpaIT {

  private static final String CLUSTER = "local";
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"));
    admin = server.admin();
    await()
        .atMost(DEADLINE)
        .until(() -> admin.get("/api/v1/clusters/" + CLUSTER + "/overview").completeOverview());
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

  @Test
  void createdHpaIsExactlyTheSpecSentAndTheDetailShowsWhatTheControllerWrites(
      TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.withRequests(Workloads.deployment("web", 1, Map.of()), "100m", "64Mi"))
        .create();

    Response dry = admin.post(hpas() + "?dryRun=true", request(ns, "web", "web", 1, 4, 70));
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
    assertThat(dry.json().path("warnings").size()).isZero();
    assertThat(hpa(ns, "web")).as("a dry run stores nothing").isNull();

    Response created = admin.post(hpas(), request(ns, "web", "web", 1, 4, 70));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("auditId").asLong()).isPositive();
    assertThat(created.json().path("diff").asString()).contains("+maxReplicas: 4");

    HorizontalPodAutoscaler stored = hpa(ns, "web");
    assertThat(stored.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(stored.getSpec().getScaleTargetRef().getName()).isEqualTo("web");
    assertThat(stored.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(stored.getSpec().getMinReplicas()).isEqualTo(1);
    assertThat(stored.getSpec().getMaxReplicas()).isEqualTo(4);
    assertThat(stored.getSpec().getMetrics()).hasSize(1);
    var metric = stored.getSpec().getMetrics().get(0);
    assertThat(metric.getType()).isEqualTo("Resource");
    assertThat(metric.getResource().getName()).isEqualTo("cpu");
    assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
    assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);

    // the controller-manager's HPA controller acts: whatever it concludes (metrics may or may not
    // be served), the detail shows the same conditions and reasons as the apiserver holds
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              HorizontalPodAutoscaler live = hpa(ns, "web");
              assertThat(live.getStatus().getConditions()).isNotEmpty();
              Response detail = admin.get(hpas() + "/" + ns + "/web");
              assertThat(detail.status()).as(detail.body()).isEqualTo(200);
              Map<String, String> shown = new HashMap<>();
              detail
                  .json()
                  .path("conditions")
                  .forEach(
                      c ->
                          shown.put(
                              c.path("type").asString(),
                              c.path("status").asString() + "/" + c.path("reason").asString()));
              Map<String, String> actual = new HashMap<>();
              for (HorizontalPodAutoscalerCondition c : live.getStatus().getConditions()) {
                actual.put(c.getType(), c.getStatus() + "/" + c.getReason());
              }
              assertThat(shown).isEqualTo(actual).containsKey("AbleToScale");
              JsonNode metrics = detail.json().path("metrics");
              assertThat(metrics.size()).isEqualTo(1);
              assertThat(metrics.get(0).path("target").asString()).isEqualTo("70%");
              assertThat(detail.json().path("spec").path("maxReplicas").asInt()).isEqualTo(4);
            });

    // the list from the cache
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response list = admin.get(hpas() + "?namespace=" + ns);
              assertThat(list.status()).as(list.body()).isEqualTo(200);
              assertThat(list.json().size()).isEqualTo(1);
              assertThat(list.json().get(0).path("target").asString()).isEqualTo("Deployment/web");
            });

    // edit changes max; a stale resourceVersion is a conflict and changes nothing
    Response detail = admin.get(hpas() + "/" + ns + "/web");
    String version = detail.json().path("spec").path("resourceVersion").asString();
    Map<String, Object> edit = request(ns, "web", "web", 1, 6, 70);
    edit.put("resourceVersion", version);
    Response edited = admin.put(hpas() + "/" + ns + "/web", edit);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().path("diff").asString())
        .contains("-maxReplicas: 4", "+maxReplicas: 6");
    assertThat(hpa(ns, "web").getSpec().getMaxReplicas()).isEqualTo(6);

    Map<String, Object> stale = request(ns, "web", "web", 1, 8, 70);
    stale.put("resourceVersion", version);
    Response conflict = admin.put(hpas() + "/" + ns + "/web", stale);
    assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
    assertThat(hpa(ns, "web").getSpec().getMaxReplicas()).isEqualTo(6);

    Response yaml = admin.get(hpas() + "/" + ns + "/web/yaml");
    assertThat(yaml.status()).as(yaml.body()).isEqualTo(200);
    assertThat(yaml.body())
        .contains("kind: \"HorizontalPodAutoscaler\"")
        .doesNotContain("managedFields");

    Response deleted = admin.delete(hpas() + "/" + ns + "/web");
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(hpa(ns, "web")).isNull();
  }

  @Test
  void invalidInputGetsAPreciseProblemAndLeavesTheApiserverUnchanged(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("bare", 1, Map.of()))
        .create();

    Response minAboveMax = admin.post(hpas(), request(ns, "a", "bare", 5, 3, 70));
    assertThat(minAboveMax.status()).as(minAboveMax.body()).isEqualTo(400);
    assertThat(minAboveMax.problemCode()).isEqualTo("hpa.min-above-max");
    assertThat(minAboveMax.json().path("detail").asString()).contains("(5)", "(3)");

    Response unknown = admin.post(hpas(), request(ns, "b", "nothing-here", 1, 3, 70));
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.problemCode()).isEqualTo("hpa.target-not-found");

    Response huge = admin.post(hpas(), request(ns, "c", "bare", 1, 1_000_000, 70));
    assertThat(huge.status()).as(huge.body()).isEqualTo(400);
    assertThat(huge.problemCode()).isEqualTo("hpa.out-of-range");
    assertThat(huge.json().path("detail").asString()).contains("maxReplicas");

    Response badCpu = admin.post(hpas(), request(ns, "d", "bare", 1, 3, 0));
    assertThat(badCpu.status()).as(badCpu.body()).isEqualTo(400);
    assertThat(badCpu.problemCode()).isEqualTo("hpa.metric.utilization");

    assertThat(kube.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).list().getItems())
        .as("nothing was created")
        .isEmpty();

    // a cpu target on containers without requests: accepted, with a warning naming the container
    Response warned = admin.post(hpas() + "?dryRun=true", request(ns, "e", "bare", 1, 3, 70));
    assertThat(warned.status()).as(warned.body()).isEqualTo(200);
    JsonNode warning = warned.json().path("warnings").get(0);
    assertThat(warning.path("code").asString()).isEqualTo("missing-request");
    assertThat(warning.path("args").get(0).asString()).isEqualTo("app");
    assertThat(warning.path("args").get(1).asString()).isEqualTo("cpu");
    assertThat(hpa(ns, "e")).isNull();
  }

  @Test
  void aUserWithoutRightsInTheNamespaceIsRefusedByKubernetes(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.withRequests(Workloads.deployment("web", 1, Map.of()), "100m", "64Mi"))
        .create();
    // an operator in Kubeward whose cluster RBAC is bound in another namespace only
    Session user =
        server.newUser(
            "hpa-outsider",
            List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", "default")));
    Response denied = user.post(hpas(), request(ns, "web", "web", 1, 3, 70));
    assertThat(denied.status()).as(denied.body()).isEqualTo(403);
    assertThat(hpa(ns, "web")).isNull();
  }

  @Test
  void vpasAreListedWithTheirRecommendationOnceTheCrdExists(TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    String crdName = "verticalpodautoscalers.autoscaling.k8s.io";
    if (kube.apiextensions().v1().customResourceDefinitions().withName(crdName).get() == null) {
      Response before = admin.get("/api/v1/clusters/" + CLUSTER + "/vpas?namespace=" + ns);
      assertThat(before.status()).as(before.body()).isEqualTo(200);
      assertThat(before.json().path("installed").asBoolean()).isFalse();
      try (InputStream yaml = HpaIT.class.getResourceAsStream("/hpa/vpa-crd.yaml")) {
        CustomResourceDefinition crd =
            Serialization.unmarshal(yaml, CustomResourceDefinition.class);
        kube.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      }
    }
    await().atMost(DEADLINE).until(() -> Crds.established(kube, crdName));

    var vpas = kube.genericKubernetesResources("autoscaling.k8s.io/v1", "VerticalPodAutoscaler");
    GenericKubernetesResource vpa = new GenericKubernetesResource();
    vpa.setApiVersion("autoscaling.k8s.io/v1");
    vpa.setKind("VerticalPodAutoscaler");
    vpa.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withNamespace(ns)
            .withName("web-vpa")
            .build());
    vpa.setAdditionalProperty(
        "spec",
        Map.of(
            "targetRef",
            Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "web"),
            "updatePolicy",
            Map.of("updateMode", "Off")));
    GenericKubernetesResource stored = vpas.inNamespace(ns).resource(vpa).create();
    stored.setAdditionalProperty(
        "status",
        Map.of(
            "recommendation",
            Map.of(
                "containerRecommendations",
                List.of(
                    Map.of(
                        "containerName", "app",
                        "target", Map.of("cpu", "250m", "memory", "256Mi"),
                        "lowerBound", Map.of("cpu", "100m", "memory", "128Mi"),
                        "upperBound", Map.of("cpu", "1", "memory", "1Gi"))))));
    vpas.inNamespace(ns).resource(stored).updateStatus();

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response list = admin.get("/api/v1/clusters/" + CLUSTER + "/vpas?namespace=" + ns);
              assertThat(list.status()).as(list.body()).isEqualTo(200);
              assertThat(list.json().path("installed").asBoolean()).isTrue();
              JsonNode item = list.json().path("items").get(0);
              assertThat(item.path("name").asString()).isEqualTo("web-vpa");
              assertThat(item.path("targetName").asString()).isEqualTo("web");
              assertThat(item.path("updateMode").asString()).isEqualTo("Off");
              JsonNode rec = item.path("recommendations").get(0);
              assertThat(rec.path("container").asString()).isEqualTo("app");
              assertThat(rec.path("target").path("cpu").asString()).isEqualTo("250m");
              assertThat(rec.path("lowerBound").path("memory").asString()).isEqualTo("128Mi");
              assertThat(rec.path("upperBound").path("memory").asString()).isEqualTo("1Gi");
            });
    // leave the control plane as found: the next run sees "not installed" again
    kube.apiextensions().v1().customResourceDefinitions().withName(crdName).delete();
  }

  private static String hpas() {
    return "/api/v1/clusters/" + CLUSTER + "/hpas";
  }

  private static HorizontalPodAutoscaler hpa(String ns, String name) {
    return kube.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).withName(name).get();
  }

  private static Map<String, Object> request(
      String ns, String name, String target, int min, int max, int cpuPercent) {
    Map<String, Object> body = new HashMap<>();
    body.put("namespace", ns);
    body.put("name", name);
    body.put("targetKind", "Deployment");
    body.put("targetName", target);
    body.put("minReplicas", min);
    body.put("maxReplicas", max);
    List<Map<String, Object>> metrics = new ArrayList<>();
    metrics.add(
        Map.of(
            "type", "Resource",
            "name", "cpu",
            "targetType", "Utilization",
            "averageUtilization", cpuPercent));
    body.put("metrics", metrics);
    return body;
  }
}
