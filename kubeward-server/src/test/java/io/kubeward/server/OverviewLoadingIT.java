package io.kubeward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The overview while Kubeward is still loading a cluster (ADR 0057): it answers with what has been
 * listed so far, marked {@code loading}, and becomes complete when the last of its kinds has
 * listed.
 *
 * <p>To hold the pods' first list open for as long as the test needs, Kubeward connects with a
 * service account that may list nodes, namespaces, services and deployments but not pods: the pods
 * informer's list is refused and retried until the account is given pods too.
 */
@LocalControlPlane
class OverviewLoadingIT {

  private static final String C = "/api/v1/clusters/loading";

  @Test
  void overviewIsServedMarkedLoadingWhilePodsListAndCompleteOnceTheyHave(
      ControlPlane controlPlane, KubernetesClient client, TestNamespace namespace)
      throws Exception {
    String name = "kubeward-loading-" + namespace.name();
    Path dir = Files.createTempDirectory("overview-loading-");
    try {
      // Given Kubeward connected as an account that may not list pods yet
      apply(client, role(name, false));
      client.pods().inNamespace(namespace.name()).resource(pod()).create();
      client
          .rbac()
          .clusterRoleBindings()
          .resource(
              new ClusterRoleBindingBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
                  .addNewSubject()
                  .withKind("ServiceAccount")
                  .withName("loader")
                  .withNamespace(namespace.name())
                  .endSubject()
                  .build())
          .create();
      client
          .serviceAccounts()
          .inNamespace(namespace.name())
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName("loader")
                  .endMetadata()
                  .build())
          .create();
      String token =
          client
              .serviceAccounts()
              .inNamespace(namespace.name())
              .withName("loader")
              .tokenRequest(
                  new TokenRequestBuilder()
                      .withNewSpec()
                      .withExpirationSeconds(3600L)
                      .endSpec()
                      .build())
              .getStatus()
              .getToken();
      Path kubeconfig = controlPlane.writeTokenKubeconfig(dir.resolve("loader.kubeconfig"), token);

      try (RunningServer server =
          RunningServer.start(
              "--kubeconfig=" + kubeconfig,
              "--kubeward.cluster-name=loading",
              "--kubeward.probe.interval=1s",
              "--kubeward.client.watch-reconnect-interval=200ms")) {

        // When its nodes have listed but its pods cannot
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () ->
                    assertThat(kind(overview(server), "nodes").get("synced").asBoolean()).isTrue());

        // Then the overview answers what it has, marked loading, pods not synced
        JsonNode loading = overview(server);
        assertThat(loading.get("loading").asBoolean()).isTrue();
        assertThat(kind(loading, "pods").get("synced").asBoolean()).isFalse();
        assertThat(kind(loading, "pods").get("objects").asInt()).isZero();
        assertThat(loading.at("/pods/total").asInt()).isZero();
        assertThat(loading.at("/nodes/total").asInt()).isEqualTo(3);
        assertThat(kind(loading, "nodes").get("objects").asInt()).isEqualTo(3);
        assertThat(server.getAsAdmin(C + "/overview").completeOverview()).isFalse();
        // and the list of pods still says the cluster is loading rather than showing a partial page
        Response pods = server.getAsAdmin(C + "/resources/pods?limit=10");
        assertThat(pods.status()).isEqualTo(503);
        assertThat(pods.problemCode()).isEqualTo("cluster.syncing");

        // When the account may list pods
        apply(client, role(name, true));

        // Then the overview becomes complete and counts every pod
        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () -> {
                  JsonNode complete = overview(server);
                  assertThat(complete.get("loading").asBoolean()).isFalse();
                  assertThat(complete.get("kinds"))
                      .allSatisfy(kind -> assertThat(kind.get("synced").asBoolean()).isTrue());
                  assertThat(complete.at("/pods/total").asInt())
                      .isPositive()
                      .isEqualTo(client.pods().inAnyNamespace().list().getItems().size());
                });
      }
    } finally {
      client.rbac().clusterRoleBindings().withName(name).delete();
      client.rbac().clusterRoles().withName(name).delete();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void apply(KubernetesClient client, ClusterRole role) {
    client
        .rbac()
        .clusterRoles()
        .resource(role)
        .fieldManager("overview-loading-it")
        .forceConflicts()
        .serverSideApply();
  }

  private static Pod pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("counted")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/app:1")
        .endContainer()
        .endSpec()
        .build();
  }

  private static JsonNode overview(RunningServer server) {
    Response response = server.getAsAdmin(C + "/overview");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode kind(JsonNode overview, String plural) {
    for (JsonNode kind : overview.get("kinds")) {
      if (kind.get("kind").asString().equals(plural)) {
        return kind;
      }
    }
    throw new AssertionError("no kind " + plural + " in " + overview);
  }

  /** Reads what the overview counts but pods unless {@code pods}; nothing else. */
  private static ClusterRole role(String name, boolean pods) {
    List<String> core = new ArrayList<>(List.of("nodes", "namespaces", "services"));
    if (pods) {
      core.add("pods");
    }
    PolicyRule coreRule =
        new PolicyRuleBuilder()
            .withApiGroups("")
            .withResources(core)
            .withVerbs("get", "list", "watch")
            .build();
    PolicyRule apps =
        new PolicyRuleBuilder()
            .withApiGroups("apps")
            .withResources("deployments")
            .withVerbs("get", "list", "watch")
            .build();
    return new ClusterRoleBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withRules(coreRule, apps)
        .build();
  }
}
