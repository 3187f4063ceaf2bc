package io.kubeward.server.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.Component;
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
 * Usage through the REST API on the local control plane with metrics-server: requests, limits,
 * allocatable and quotas from the cache, what each caller may see of the usage, and — while
 * metrics-server is down — a clear {@code source.kind = none} with the install command in the
 * caller's language, never a 500. (The cross-check against {@code kubectl top} is {@code
 * UsageCrossCheckIT} in kubeward-sandbox; a missing APIService, 404, is {@code
 * KubeMetricsReaderTest}.)
 */
@LocalControlPlane(metrics = true)
class UsageIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;
  private static ControlPlane plane;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.usage.max-age=0s",
            "--kubeward.usage.absent-for=1s",
            "--logging.level.io.kubeward.usage=DEBUG");
    admin = server.admin();
    await().atMost(DEADLINE).until(() -> admin.get(C + "/usage").status() == 200);
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

  private static Deployment withResources(Deployment deployment) {
    deployment
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setResources(
            new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("100m"))
                .addToRequests("memory", new Quantity("64Mi"))
                .addToLimits("cpu", new Quantity("200m"))
                .addToLimits("memory", new Quantity("128Mi"))
                .build());
    return deployment;
  }

  private static void deploy(TestNamespace namespace, String name, int replicas) {
    kube.apps()
        .deployments()
        .inNamespace(namespace.name())
        .resource(withResources(Workloads.deployment(name, replicas, Map.of())))
        .create();
  }

  @Test
  void requestsLimitsQuotasAndWorkloadsComeFromTheCache(TestNamespace namespace) {
    deploy(namespace, "web", 2);
    // The quota only after both pods exist: a quota created between the two pod creations may be
    // counted by the quota controller with one pod and not see the second until its full resync.
    await()
        .atMost(DEADLINE)
        .until(() -> kube.pods().inNamespace(namespace.name()).list().getItems().size() == 2);
    kube.resourceQuotas()
        .inNamespace(namespace.name())
        .resource(
            new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("compute")
                .endMetadata()
                .withNewSpec()
                .addToHard("requests.cpu", new Quantity("1"))
                .addToHard("limits.memory", new Quantity("1Gi"))
                .endSpec()
                .build())
        .create();

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode pods = admin.get(C + "/usage/pods?namespace=" + namespace.name()).json();
              assertThat(pods.path("total").asInt()).isEqualTo(2);
              JsonNode pod = pods.path("items").get(0);
              assertThat(pod.at("/cpu/requested").asLong()).isEqualTo(100);
              assertThat(pod.at("/memory/limits").asLong()).isEqualTo(128L << 20);
              assertThat(pod.at("/containers/0/name").asString()).isEqualTo("app");
              assertThat(pod.at("/containers/0/memory/limits").asLong()).isEqualTo(128L << 20);
            });
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode workloads =
                  admin
                      .get(C + "/usage/namespaces/" + namespace.name() + "/workloads")
                      .json()
                      .path("items");
              assertThat(workloads).hasSize(1);
              assertThat(workloads.get(0).path("kind").asString()).isEqualTo("Deployment");
              assertThat(workloads.get(0).path("name").asString()).isEqualTo("web");
              assertThat(workloads.get(0).path("pods").asInt()).isEqualTo(2);
              assertThat(workloads.get(0).at("/cpu/requested").asLong()).isEqualTo(200);
            });
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode row = row(admin.get(C + "/usage/namespaces").json(), namespace.name());
              assertThat(row.at("/cpu/requested").asLong()).isEqualTo(200);
              assertThat(row.path("quotas").toString())
                  .contains(
                      "\"resource\":\"requests.cpu\",\"unit\":\"millicores\",\"used\":200,\"hard\":1000");
            });
    JsonNode nodes = admin.get(C + "/usage/nodes").json();
    assertThat(nodes.path("items").size()).isPositive();
    assertThat(nodes.at("/items/0/cpu/allocatable").asLong()).isPositive();
    JsonNode overview = admin.get(C + "/usage").json();
    assertThat(overview.at("/cpu/requested").asLong()).isGreaterThanOrEqualTo(200);
    assertThat(overview.at("/pods/allocatable").asLong()).isPositive();
    assertThat(overview.path("topNodes").size()).isBetween(1, 5);
  }

  @Test
  void whileMetricsServerIsDownUsageIsNullWithTheReasonAndTheInstallCommandNever500() {
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                admin.get(C + "/usage").json().at("/source/kind").asString().equals("metrics-api"));
    plane.stopComponent(Component.METRICS_SERVER);
    try {
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(admin.get(C + "/usage").json().at("/source/kind").asString())
                      .isEqualTo("none"));
      for (String path :
          List.of("/usage", "/usage/nodes", "/usage/namespaces", "/usage/pods?namespace=default")) {
        Response answer = admin.get(C + path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        JsonNode source = answer.json().path("source");
        assertThat(source.path("kind").asString()).isEqualTo("none");
        // the aggregator's 503 (or no answer in time)
        assertThat(source.path("reason").asString()).isIn("unavailable", "timed-out");
        assertThat(source.path("installHint").asString())
            .isEqualTo(
                "kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml");
        assertThat(source.path("message").asString())
            .contains("metrics API")
            .endsWith(source.path("installHint").asString());
        assertThat(answer.json().path("sampledAt").isNull()).isTrue();
      }
      JsonNode overview = admin.get(C + "/usage").json();
      assertThat(overview.at("/cpu/used").isNull()).isTrue();
      assertThat(overview.at("/cpu/allocatable").asLong()).isPositive();
      assertThat(overview.at("/memory/requested").isNumber()).isTrue();

      Response chinese =
          admin.send("GET", C + "/usage", null, Map.of("Accept-Language", "zh-CN,zh;q=0.9"));
      assertThat(chinese.json().at("/source/message").asString())
          .contains("metrics API")
          .contains("metrics-server")
          .containsPattern("[\\u4e00-\\u9fff]");
    } finally {
      plane.startComponent(Component.METRICS_SERVER);
      plane.awaitNodeMetrics(Duration.ofSeconds(120));
    }
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                admin.get(C + "/usage").json().at("/source/kind").asString().equals("metrics-api"));
  }

  @Test
  void aNamespaceScopedViewerSeesItsPodsAndNoNodes(TestNamespace namespace) {
    deploy(namespace, "api", 1);
    Session viewer =
        server.newUser(
            "usage-viewer",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", namespace.name())));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode pods = viewer.get(C + "/usage/pods").json();
              assertThat(pods.path("items").size()).isEqualTo(1);
              assertThat(pods.at("/items/0/namespace").asString()).isEqualTo(namespace.name());
            });
    assertThat(viewer.get(C + "/usage/nodes").problemCode()).isEqualTo("access.denied");
    assertThat(viewer.get(C + "/usage/pods?namespace=kube-system").status()).isEqualTo(403);
    assertThat(viewer.get(C + "/usage/namespaces/kube-system/workloads").status()).isEqualTo(403);
    JsonNode overview = viewer.get(C + "/usage").json();
    assertThat(overview.path("topNodes")).isEmpty();
    assertThat(overview.at("/cpu/allocatable").isNull()).isTrue();
    assertThat(overview.at("/cpu/requested").asLong()).isEqualTo(100);
    assertThat(overview.path("topNamespaces")).hasSize(1);
  }

  @Test
  void withMetricsANamespaceScopedViewerSeesItsPodsUsageAndNoNodeUsage(TestNamespace namespace) {
    ensureAggregatedMetricsReader();
    deploy(namespace, "measured", 1);
    Session viewer =
        server.newUser(
            "usage-metrics-viewer",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", namespace.name())));

    await()
        .atMost(Duration.ofSeconds(180))
        .untilAsserted(
            () -> {
              JsonNode pods = viewer.get(C + "/usage/pods").json();
              assertThat(pods.at("/source/kind").asString())
                  .as(pods.path("source").toString())
                  .isEqualTo("metrics-api");
              assertThat(pods.path("items").size()).isEqualTo(1);
              assertThat(pods.at("/items/0/namespace").asString()).isEqualTo(namespace.name());
              assertThat(pods.at("/items/0/cpu/used").isNumber()).isTrue();
            });
    // the viewer's used is their pods', not the nodes' (retried: metrics-server's sample moves)
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode overview = viewer.get(C + "/usage").json();
              assertThat(overview.path("topNodes")).isEmpty();
              assertThat(overview.at("/cpu/allocatable").isNull()).isTrue();
              assertThat(overview.at("/cpu/used").asLong())
                  .isEqualTo(viewer.get(C + "/usage/pods").json().at("/items/0/cpu/used").asLong());
            });
    assertThat(viewer.get(C + "/usage/nodes").problemCode()).isEqualTo("access.denied");
    assertThat(admin.get(C + "/usage/nodes").json().path("items"))
        .anySatisfy(node -> assertThat(node.at("/cpu/used").isNumber()).isTrue());
  }

  /**
   * metrics-server's components.yaml aggregates pods' and nodes' metrics into the built-in view,
   * edit and admin roles; the same role here, in case the control plane did not install it.
   */
  private static void ensureAggregatedMetricsReader() {
    if (kube.rbac().clusterRoles().withName("system:aggregated-metrics-reader").get() != null) {
      return;
    }
    kube.rbac()
        .clusterRoles()
        .resource(
            new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder()
                .withNewMetadata()
                .withName("system:aggregated-metrics-reader")
                .addToLabels("rbac.authorization.k8s.io/aggregate-to-view", "true")
                .addToLabels("rbac.authorization.k8s.io/aggregate-to-edit", "true")
                .addToLabels("rbac.authorization.k8s.io/aggregate-to-admin", "true")
                .endMetadata()
                .addNewRule()
                .withApiGroups("metrics.k8s.io")
                .withResources("pods", "nodes")
                .withVerbs("get", "list", "watch")
                .endRule()
                .build())
        .serverSideApply();
  }

  @Test
  void badParametersAreProblemsNotFailures() {
    assertThat(admin.get(C + "/usage/pods?namespace=Not_A_NS").problemCode())
        .isEqualTo("list.invalid-parameter");
    assertThat(admin.get(C + "/usage/pods?labelSelector=a%20in%20(").problemCode())
        .isEqualTo("list.invalid-label-selector");
    assertThat(admin.get(C + "/usage/pods?sort=disk").problemCode())
        .isEqualTo("list.invalid-parameter");
    assertThat(admin.get(C + "/usage/pods?limit=100000").problemCode())
        .isEqualTo("list.invalid-parameter");
    assertThat(admin.get(C + "/usage/pods?continue=bogus").problemCode())
        .isEqualTo("list.invalid-continue");
    assertThat(admin.get(C + "/usage/namespaces/Not_A_NS/workloads").problemCode())
        .isEqualTo("list.invalid-parameter");
    assertThat(admin.get("/api/v1/clusters/nope/usage").problemCode())
        .isEqualTo("cluster.not-found");
  }

  private static JsonNode row(JsonNode list, String name) {
    for (JsonNode item : list.path("items")) {
      if (item.path("name").asString().equals(name)) {
        return item;
      }
    }
    throw new AssertionError("no row " + name + " in " + list);
  }
}
