package io.kubeward.server.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Upgrade readiness on the local control plane (issue 18's test bullet): an object created through
 * a deprecated API version the v1.34 apiserver still serves (a custom resource version marked
 * deprecated: the built-in group versions it serves by default are all GA, and the apiserver's
 * {@code apiserver_requested_deprecated_apis} gauge counts deprecated CRD versions too) shows up
 * with its replacement and the client that wrote it; a PodDisruptionBudget with {@code
 * maxUnavailable: 0} over a running Deployment blocks the rotation check; the kubelet versions of
 * KWOK nodes are judged against the skew policy. Kubeward runs with exactly the rights of {@code
 * deploy/kubernetes/kubeward-rbac.yaml}, so the metric read proves its {@code /metrics} rule.
 */
@LocalControlPlane
class UpgradeReadinessIT {

  private static final String CLUSTER = "local";
  private static final String P = "/api/v1/clusters/" + CLUSTER + "/upgrade-readiness";
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String GROUP = "upgrade.it.kubeward.test";
  private static final String OLD_NODE = "upgrade-it-old-kubelet";
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
    await().atMost(DEADLINE).until(() -> admin.get(P).status() == 200);
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.nodes().withName(OLD_NODE).delete();
      kube.apiextensions().v1().customResourceDefinitions().withName("widgets." + GROUP).delete();
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anObjectWrittenThroughADeprecatedVersionIsNamedWithItsReplacement(TestNamespace namespace) {
    String ns = namespace.name();
    CustomResourceDefinition crd =
        kube.apiextensions().v1().customResourceDefinitions().resource(widgets()).serverSideApply();
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                kube
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .get()
                    .getStatus()
                    .getConditions()
                    .stream()
                    .anyMatch(
                        c -> c.getType().equals("Established") && c.getStatus().equals("True")));
    ResourceDefinitionContext v1beta1 =
        new ResourceDefinitionContext.Builder()
            .withGroup(GROUP)
            .withVersion("v1beta1")
            .withKind("Widget")
            .withPlural("widgets")
            .withNamespaced(true)
            .build();
    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .until(
            () ->
                kube.genericKubernetesResources(v1beta1)
                        .inNamespace(ns)
                        .resource(
                            new GenericKubernetesResourceBuilder()
                                .withApiVersion(GROUP + "/v1beta1")
                                .withKind("Widget")
                                .withNewMetadata()
                                .withName("old-widget")
                                .endMetadata()
                                // a field of its own: an object with no fields has no
                                // managedFields entry to name its writer
                                .addToAdditionalProperties("spec", Map.of("size", 1))
                                .build())
                        .createOr(NonDeletingOperation::update)
                    != null);

    // the gauge and the CRD list are read on each request: wait until both show the new version
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode report = ok(P + "?target=1.35").json();
              assertThat(report.path("current").asText()).isEqualTo("1.34");
              assertThat(report.path("target").asText()).isEqualTo("1.35");
              JsonNode apis = step(report, "deprecated-apis");
              assertThat(apis.path("status").asText()).isIn("warn", "fail");
              List<JsonNode> findings = findings(apis);
              assertThat(findings)
                  .anySatisfy(
                      f -> {
                        assertThat(f.path("code").asText()).isEqualTo("api-deprecated");
                        assertThat(f.path("subject").asText())
                            .isEqualTo(GROUP + "/v1beta1 widgets");
                        assertThat(f.path("text").asText()).contains(GROUP + "/v1 Widget");
                      });
              assertThat(findings)
                  .anySatisfy(
                      f -> {
                        assertThat(f.path("code").asText()).isEqualTo("api-written-by");
                        assertThat(f.path("text").asText()).contains(ns + "/old-widget");
                      });
            });
  }

  @Test
  void aBudgetWithMaxUnavailableZeroBlocksTheNodeRotation(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("web", 2, Map.of()))
        .create();
    kube.policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(ns)
        .resource(
            new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("web-strict")
                .endMetadata()
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(0))
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .endSelector()
                .endSpec()
                .build())
        .create();

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode budgets = step(ok(P).json(), "disruption-budgets");
              assertThat(budgets.path("status").asText()).isEqualTo("fail");
              assertThat(findings(budgets))
                  .anySatisfy(
                      f -> {
                        assertThat(f.path("code").asText()).isEqualTo("pdb-max-unavailable-zero");
                        assertThat(f.path("subject").asText()).isEqualTo(ns + "/web-strict");
                        assertThat(f.path("text").asText())
                            .contains("Deployment/web")
                            .contains("2 of 2");
                      });
            });
    Response markdown = ok(P + "/report?format=markdown");
    assertThat(markdown.body()).contains(ns + "/web-strict").contains("maxUnavailable");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        step(server.getAsAdmin(P, "zh-CN").json(), "disruption-budgets")
                            .path("title")
                            .asText())
                    .isEqualTo("阻碍节点轮换的中断预算"));
  }

  @Test
  void kubeletVersionsOfTheNodesAreJudgedAgainstTheSkewPolicy() {
    kube.nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(OLD_NODE)
                .addToAnnotations("kwok.x-k8s.io/node", "fake")
                .addToLabels("kubernetes.io/hostname", OLD_NODE)
                .addToLabels("type", "kwok")
                .endMetadata()
                .withNewSpec()
                .addNewTaint()
                .withKey("upgrade-it")
                .withEffect("NoSchedule")
                .endTaint()
                .endSpec()
                .withNewStatus()
                .withNewNodeInfo()
                .withKubeletVersion("v1.31.5")
                .withKubeProxyVersion("v1.31.5")
                .endNodeInfo()
                .addToCapacity("cpu", new Quantity("1"))
                .addToCapacity("pods", new Quantity("10"))
                .addToAllocatable("cpu", new Quantity("1"))
                .addToAllocatable("pods", new Quantity("10"))
                .endStatus()
                .build())
        .createOr(NonDeletingOperation::update);

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode skew = step(ok(P + "?target=1.35").json(), "node-skew");
              assertThat(skew.path("status").asText()).isEqualTo("fail");
              assertThat(findings(skew))
                  .anySatisfy(
                      f -> {
                        assertThat(f.path("code").asText()).isEqualTo("too-old");
                        assertThat(f.path("subject").asText()).contains(OLD_NODE);
                        assertThat(f.path("text").asText()).contains("v1.31.5").contains("4");
                      });
            });
    // the same node is within the policy when the target is the current minor
    JsonNode now = step(ok(P + "?target=1.34").json(), "node-skew");
    assertThat(findings(now))
        .anySatisfy(
            f -> {
              assertThat(f.path("subject").asText()).contains(OLD_NODE);
              assertThat(f.path("code").asText()).isEqualTo("at-limit");
            });
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response tooFar = admin.get(P + "?target=1.38");
              assertThat(tooFar.status()).as(tooFar.body()).isEqualTo(400);
              assertThat(tooFar.problemCode()).isEqualTo("upgrade.invalid-target");
            });
  }

  @Test
  void aNamespaceViewerIsToldWhatIsNotVisibleToThem(TestNamespace namespace) {
    Session viewer =
        server.newUser(
            "upgrade-ns-viewer",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", namespace.name())));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response answer = viewer.get(P);
              assertThat(answer.status()).as(answer.body()).isEqualTo(200);
              JsonNode report = answer.json();
              assertThat(findings(step(report, "deprecated-apis")))
                  .anySatisfy(
                      f -> {
                        assertThat(f.path("status").asText()).isEqualTo("unknown");
                        assertThat(f.path("code").asText()).isEqualTo("not-visible");
                        assertThat(f.path("text").asText()).contains("not visible to you");
                      });
              JsonNode nodes = step(report, "node-skew");
              assertThat(nodes.path("status").asText()).isEqualTo("unknown");
              assertThat(findings(nodes))
                  .extracting(f -> f.path("code").asText())
                  .containsExactly("not-visible");
            });
  }

  private static CustomResourceDefinition widgets() {
    var schema =
        new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceValidationBuilder()
            .withNewOpenAPIV3Schema()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema()
            .build();
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName("widgets." + GROUP)
        .endMetadata()
        .withNewSpec()
        .withGroup(GROUP)
        .withScope("Namespaced")
        .withNewNames()
        .withPlural("widgets")
        .withSingular("widget")
        .withKind("Widget")
        .endNames()
        .withVersions(
            new CustomResourceDefinitionVersionBuilder()
                .withName("v1beta1")
                .withServed(true)
                .withStorage(false)
                .withDeprecated(true)
                .withDeprecationWarning(GROUP + "/v1beta1 Widget is deprecated; use v1")
                .withSchema(schema)
                .build(),
            new CustomResourceDefinitionVersionBuilder()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withSchema(schema)
                .build())
        .endSpec()
        .build();
  }

  /**
   * The answer once it is a 200: a loaded machine may make a reachability probe miss, and the
   * report then answers 503 cluster.unreachable until the next probe succeeds.
   */
  private static Response ok(String path) {
    Response[] last = new Response[1];
    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              last[0] = admin.get(path);
              return last[0].status() == 200;
            });
    return last[0];
  }

  private static JsonNode step(JsonNode report, String id) {
    for (JsonNode s : report.path("steps")) {
      if (s.path("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no step " + id + " in " + report);
  }

  private static List<JsonNode> findings(JsonNode step) {
    List<JsonNode> list = new ArrayList<>();
    step.path("findings").forEach(list::add);
    return list;
  }
}
