package io.kubeward.server.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.release.domain.PromqlApproval;
import io.kubeward.release.kube.ReleaseResources;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The PromQL approval of Releases (ADR 0035) on the local control plane: PromQL reads every
 * namespace's data, so a Release's {@code promql} checks need someone allowed to query Prometheus
 * (ADR 0021) to create it through Kubeward, which stamps it; the controller runs nothing without
 * the stamp.
 */
@LocalControlPlane
class ReleasePromqlApprovalIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final Duration WAIT = Duration.ofSeconds(90);
  @TempDir static Path dir;
  private static RunningServer server;
  private static Session admin;
  private static KubernetesClient kube;

  @BeforeAll
  static void start(ControlPlane plane) {
    kube = plane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.release.readiness-poll=300ms");
    admin = server.admin();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                established(
                    kube.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(ReleaseResources.CRD_NAME)
                        .get()));
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

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static void givenApp(String ns, String name) {
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment(name, 2, Map.of()))
        .create();
    kube.services()
        .inNamespace(ns)
        .resource(
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
                .build())
        .create();
  }

  private static Map<String, Object> spec(String deployment) {
    return spec(deployment, "sum(rate(http_errors_total{namespace=\"{{namespace}}\"}[1m]))");
  }

  /** A canary with one promql analysis step (the cluster has no Prometheus: it will not pass). */
  private static Map<String, Object> spec(String deployment, String query) {
    return Map.of(
        "deployment",
        deployment,
        "version",
        Map.of("images", Map.of("app", "registry.example/app:2")),
        "strategy",
        Map.of(
            "canary",
            Map.of(
                "stableService",
                deployment,
                "steps",
                List.of(
                    Map.of("setWeight", 50),
                    Map.of(
                        "analysis",
                        Map.of(
                            "checks",
                            List.of(
                                Map.of(
                                    "name",
                                    "errors",
                                    "interval",
                                    "5s",
                                    "count",
                                    1,
                                    "promql",
                                    Map.of("query", query, "successCondition", "< 0.05")))))))));
  }

  private static GenericKubernetesResource live(String ns, String name) {
    return kube.genericKubernetesResources(ReleaseResources.CONTEXT)
        .inNamespace(ns)
        .withName(name)
        .get();
  }

  private static boolean canaryExists(String ns, String deployment, String release) {
    return kube.apps().deployments().inNamespace(ns).withName(deployment + "-" + release).get()
        != null;
  }

  @Test
  void anOperatorWhoMayNotQueryPrometheusCannotPutPromqlChecksAndNothingIsCreated(
      TestNamespace namespace) {
    String ns = namespace.name();
    givenApp(ns, "web");
    Session operator =
        server.newUser(
            "release-operator",
            List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", ns)));
    assertThat(operator.get(C + "/promql/access").json().path("allowed").asBoolean()).isFalse();

    RunningServer.Response refused =
        operator.send(
            "PUT",
            C + "/namespaces/" + ns + "/releases/v2",
            Map.of("spec", spec("web")),
            Map.of("Accept-Language", "zh-CN"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.problemCode()).isEqualTo("release.promql-forbidden");
    assertThat(refused.json().path("detail").asString()).contains("PromQL");
    assertThat(refused.json().path("title").asString()).contains("无权");
    assertThat(live(ns, "v2")).isNull();
    assertThat(canaryExists(ns, "web", "v2")).isFalse();
  }

  @Test
  void aReleaseWithPromqlChecksAppliedWithoutKubewardIsNotAcceptedUntilPutByAnAdmin(
      TestNamespace namespace) {
    String ns = namespace.name();
    givenApp(ns, "web");

    // kubectl-style: straight to the apiserver, no stamp
    GenericKubernetesResource release = new GenericKubernetesResource();
    release.setApiVersion(ReleaseResources.API_VERSION);
    release.setKind(ReleaseResources.KIND);
    release.setMetadata(new ObjectMetaBuilder().withName("v2").withNamespace(ns).build());
    release.setAdditionalProperty("spec", spec("web"));
    kube.genericKubernetesResources(ReleaseResources.CONTEXT)
        .inNamespace(ns)
        .resource(release)
        .create();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode r = admin.get(C + "/namespaces/" + ns + "/releases/v2").json();
              assertThat(r.path("accepted").asBoolean()).as(r.toString()).isFalse();
              assertThat(r.path("reason").asString())
                  .as(r.toString())
                  .isEqualTo("PromqlNotApproved");
              assertThat(r.path("message").asString()).contains("through Kubeward");
            });
    assertThat(canaryExists(ns, "web", "v2")).isFalse();
    assertThat(
            kube.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> "Release".equals(e.getInvolvedObject().getKind()))
                .map(e -> e.getReason())
                .toList())
        .contains("PromqlNotApproved")
        .doesNotContain("Started");

    // a forged stamp does not help
    GenericKubernetesResource forged = live(ns, "v2");
    forged.getMetadata().setAnnotations(Map.of(PromqlApproval.ANNOTATION, "v1.AAAAAAAAAAAA"));
    kube.genericKubernetesResources(ReleaseResources.CONTEXT)
        .inNamespace(ns)
        .resource(forged)
        .update();

    // the same Release through REST by someone who may query Prometheus: stamped and accepted
    RunningServer.Response put =
        admin.put(C + "/namespaces/" + ns + "/releases/v2", Map.of("spec", spec("web")));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    String stamp = live(ns, "v2").getMetadata().getAnnotations().get(PromqlApproval.ANNOTATION);
    assertThat(stamp).startsWith("v1.").isNotEqualTo("v1.AAAAAAAAAAAA");
    await().atMost(WAIT).until(() -> canaryExists(ns, "web", "v2"));
    JsonNode r = admin.get(C + "/namespaces/" + ns + "/releases/v2").json();
    assertThat(r.path("reason").asString()).as(r.toString()).isNotEqualTo("PromqlNotApproved");

    // kubectl edit of another field keeps the approval: the stamp covers the queries only
    edit(ns, "v2", spec -> spec.put("progressDeadline", "11m"));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(reason(ns, "v2")).isNotEqualTo("PromqlNotApproved"));

    // a changed query breaks it: the controller stops at once
    edit(ns, "v2", spec -> spec.put("strategy", spec("web", "sum(up)").get("strategy")));
    await().atMost(WAIT).until(() -> "PromqlNotApproved".equals(reason(ns, "v2")));
  }

  private static String reason(String ns, String name) {
    return admin
        .get(C + "/namespaces/" + ns + "/releases/" + name)
        .json()
        .path("reason")
        .asString();
  }

  @SuppressWarnings("unchecked")
  private static void edit(String ns, String name, Consumer<Map<String, Object>> change) {
    GenericKubernetesResource edited = live(ns, name);
    Map<String, Object> spec =
        new LinkedHashMap<>((Map<String, Object>) edited.getAdditionalProperties().get("spec"));
    change.accept(spec);
    edited.setAdditionalProperty("spec", spec);
    kube.genericKubernetesResources(ReleaseResources.CONTEXT)
        .inNamespace(ns)
        .resource(edited)
        .update();
  }
}
