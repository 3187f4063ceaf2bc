package io.kubeward.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.net.TcpProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The fleet-wide problem pods (issue 19, ADR 0060) with two clusters in one Kubeward: the local
 * control plane, and a second cluster added at runtime that reaches the same API through a proxy. A
 * pod the scheduler cannot place shows up in both, with its cluster; when the proxy is cut the
 * second cluster is marked unreachable (in the caller's language) and the first still answers.
 */
@LocalControlPlane
class FleetProblemPodsIT {

  @Test
  void findsProblemPodsInEveryClusterAndMarksAClusterThatGoesAway(
      ControlPlane controlPlane,
      KubernetesClient client,
      TestNamespace namespace,
      @TempDir Path dir)
      throws Exception {
    URI api = URI.create(controlPlane.apiServerUrl());
    try (TcpProxy proxy = TcpProxy.start(api.getHost(), api.getPort());
        RunningServer server =
            RunningServer.start(
                "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
                "--kubeward.cluster-name=local",
                "--kubeward.probe.interval=1s",
                "--kubeward.client.watch-reconnect-interval=200ms")) {
      // Given a second cluster added at runtime, through a proxy
      String kubeconfig =
          Files.readString(
              controlPlane.writeKubewardKubeconfig(
                  dir.resolve("second"), "https://127.0.0.1:" + proxy.port()));
      Response added =
          server
              .admin()
              .post("/api/v1/clusters", Map.of("name", "second", "kubeconfig", kubeconfig));
      assertThat(added.status()).as(added.body()).isEqualTo(201);

      // And a pod no node can take, next to a healthy one
      client.pods().inNamespace(namespace.name()).resource(unschedulable("stuck")).create();
      client.pods().inNamespace(namespace.name()).resource(healthy("fine")).create();

      // When the caller asks for the pods with a problem in that namespace, across clusters
      String path = "/api/v1/problem-pods?namespace=" + namespace.name();

      // Then the stuck pod is listed once per cluster, with its reason, and the healthy one is not
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                Response answer = server.getAsAdmin(path);
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(rows(answer.json())).containsExactly("local:stuck", "second:stuck");
              });
      JsonNode both = server.getAsAdmin(path).json();
      assertThat(both.get("complete").asBoolean()).isTrue();
      assertThat(both.get("total").asInt()).isEqualTo(2);
      assertThat(both.at("/items/0/pod/problem").asString()).isEqualTo("Unschedulable");
      assertThat(both.at("/items/0/pod/phase").asString()).isEqualTo("Pending");
      assertThat(both.at("/clusters/0/cluster").asString()).isEqualTo("local");
      assertThat(both.at("/clusters/0/availability").asString()).isEqualTo("READY");
      assertThat(both.at("/clusters/1/cluster").asString()).isEqualTo("second");

      // And the filters narrow it: one cluster, a reason the pod does not have
      assertThat(rows(server.getAsAdmin(path + "&cluster=second").json()))
          .containsExactly("second:stuck");
      assertThat(rows(server.getAsAdmin(path + "&reason=OOMKilled").json())).isEmpty();

      // When the second cluster's API becomes unreachable
      proxy.cut();

      // Then the answer is still 200: the local pod is there, the second cluster is marked
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                JsonNode answer = server.getAsAdmin(path).json();
                assertThat(answer.at("/clusters/1/availability").asString())
                    .isEqualTo("UNREACHABLE");
              });
      JsonNode partial = server.getAsAdmin(path).json();
      assertThat(rows(partial)).containsExactly("local:stuck");
      assertThat(partial.get("complete").asBoolean()).isFalse();
      assertThat(partial.get("total").asInt()).isEqualTo(1);
      assertThat(partial.at("/clusters/1/code").asString()).isEqualTo("cluster.unreachable");
      assertThat(partial.at("/clusters/1/message").asString()).contains("\"second\"");
      Response chinese = server.getAsAdmin(path, "zh-CN");
      assertThat(chinese.status()).isEqualTo(200);
      assertThat(chinese.json().at("/clusters/1/message").asString()).contains("无法连接集群“second”");

      // And when it comes back, it answers again
      proxy.restore();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(rows(server.getAsAdmin(path).json()))
                      .containsExactly("local:stuck", "second:stuck"));
    }
  }

  @Test
  void refusesABadFilterWithAPreciseProblem(ControlPlane controlPlane) {
    try (RunningServer server =
        RunningServer.start(
            "--kubeconfig=" + controlPlane.kubewardKubeconfig(), "--kubeward.cluster-name=local")) {
      Response reason = server.getAsAdmin("/api/v1/problem-pods?reason=Broken");
      assertThat(reason.status()).isEqualTo(400);
      assertThat(reason.contentType()).startsWith("application/problem+json");
      assertThat(reason.problemCode()).isEqualTo("list.invalid-parameter");
      assertThat(reason.json().get("parameter").asString()).isEqualTo("reason");
      assertThat(reason.json().get("detail").asString()).contains("CrashLoopBackOff");

      Response limit = server.getAsAdmin("/api/v1/problem-pods?limit=100000", "zh-CN");
      assertThat(limit.status()).isEqualTo(400);
      assertThat(limit.json().get("title").asString()).isEqualTo("列表参数无效");

      Response unknown = server.getAsAdmin("/api/v1/problem-pods?cluster=nowhere");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.problemCode()).isEqualTo("cluster.not-found");

      assertThat(server.get("/api/v1/problem-pods").status()).isEqualTo(401);
    }
  }

  @Test
  void aUserSeesOnlyTheProblemPodsKubernetesLetsThemList(
      ControlPlane controlPlane, KubernetesClient client, TestNamespace namespace) {
    // Given a pod with a problem in the user's namespace and one in a namespace they may not read
    String other = "fleet-other-" + namespace.name().substring(namespace.name().length() - 4);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(other).endMetadata().build())
        .create();
    client.pods().inNamespace(namespace.name()).resource(unschedulable("theirs")).create();
    client.pods().inNamespace(other).resource(unschedulable("not-theirs")).create();
    try {
      expectOnlyTheirs(controlPlane, client, namespace, other);
    } finally {
      client.namespaces().withName(other).delete();
    }
  }

  private static void expectOnlyTheirs(
      ControlPlane controlPlane, KubernetesClient client, TestNamespace namespace, String other) {
    try (RunningServer server =
        RunningServer.start(
            "--kubeconfig=" + controlPlane.kubewardKubeconfig(), "--kubeward.cluster-name=local")) {
      String name = "fleet-viewer-" + Math.abs(namespace.name().hashCode() % 1000);
      Session viewer = server.newUser(name, List.of());
      allowListingPods(client, namespace.name(), "kubeward:" + name);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          rows(server.getAsAdmin("/api/v1/problem-pods?namespace=" + other).json()))
                      .containsExactly("local:not-theirs"));

      // When the user asks across clusters
      // Then they get the pod of their namespace only, as Kubernetes answers for their identity
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                Response answer = viewer.get("/api/v1/problem-pods");
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(rows(answer.json())).containsExactly("local:theirs");
                assertThat(answer.json().get("total").asInt()).isEqualTo(1);
              });
      assertThat(rows(viewer.get("/api/v1/problem-pods?namespace=" + other).json())).isEmpty();
    }
  }

  private static void allowListingPods(KubernetesClient client, String namespace, String user) {
    client
        .rbac()
        .roles()
        .inNamespace(namespace)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("list-pods")
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("pods")
                        .withVerbs("get", "list", "watch")
                        .build())
                .build())
        .create();
    client
        .rbac()
        .roleBindings()
        .inNamespace(namespace)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("list-pods")
                .endMetadata()
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(user)
                .endSubject()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName("list-pods")
                .endRoleRef()
                .build())
        .create();
  }

  private static List<String> rows(JsonNode answer) {
    List<String> rows = new ArrayList<>();
    for (JsonNode item : answer.path("items")) {
      rows.add(item.get("cluster").asString() + ":" + item.at("/pod/name").asString());
    }
    return rows;
  }

  private static Pod unschedulable(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(Map.of("kubeward.io/fleet-it", "no-such-node"))
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/app:1")
        .endContainer()
        .endSpec()
        .build();
  }

  private static Pod healthy(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/app:1")
        .endContainer()
        .endSpec()
        .build();
  }
}
