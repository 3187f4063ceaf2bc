package io.kubeward.server.security;

import static io.kubeward.server.security.ClusterAccessSupport.assertProblem;
import static io.kubeward.server.security.ClusterAccessSupport.audit;
import static io.kubeward.server.security.ClusterAccessSupport.configMapJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.AccountWithoutImpersonation;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A Kubeward whose service account has every right of {@code deploy/kubernetes/kubeward-rbac.yaml}
 * but {@code impersonate} fails safe (ADR 0013): the cluster list says {@code read-only} and why,
 * changes by anyone but a Kubeward administrator are refused with 403 {@code cluster.read-only},
 * reads follow the users' Kubeward grants, an administrator's change is made (with Kubeward's own
 * rights, so no more than those), the console's permissions come from the grants; and when the
 * cluster grants impersonation at runtime the mode flips to {@code impersonate} within the
 * configured check interval, after which the cluster decides.
 */
@LocalControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailSafeIT {

  private static final String CLUSTER = "failsafe";
  private static final String CLUSTER_PATH = "/api/v1/clusters/" + CLUSTER;
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SUFFIX =
      Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
  private static final String ACCOUNT = "kubeward-noimp-" + SUFFIX;
  private static final String IMPERSONATE = "kubeward-impersonate-" + SUFFIX;

  private static KubernetesClient kube;
  private static AccountWithoutImpersonation account;
  private static RunningServer server;
  private static Path kubeconfig;
  private static String nsA;
  private static String nsB;
  private static String node;
  private static RunningServer.Session viewer;
  private static RunningServer.Session operator;
  private static RunningServer.Session clusterViewer;
  private static RunningServer.Session nobody;
  private static JsonNode operatorCreated;

  @BeforeAll
  static void start(ControlPlane plane) throws IOException {
    kube = plane.newAdminClient();
    plane.kubewardKubeconfig(); // the manifest's namespace, CRD rights and kubeward:admins binding
    account = AccountWithoutImpersonation.install(kube, ACCOUNT);
    kubeconfig =
        plane.writeTokenKubeconfig(
            Files.createTempFile("kubeward-noimp", ".yaml"), account.token());
    nsA = "fs-a-" + SUFFIX;
    nsB = "fs-b-" + SUFFIX;
    for (String namespace : List.of(nsA, nsB)) {
      kube.namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      kube.configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("fs-cm")
                  .endMetadata()
                  .addToData("k", "v")
                  .build())
          .create();
    }
    node = plane.nodes().get(0).name();
    server =
        RunningServer.start(
            "--kubeconfig",
            kubeconfig.toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.probe.interval=1s",
            "--kubeward.access.check-interval=" + CHECK_INTERVAL.toSeconds() + "s",
            "--kubeward.security.login.max-failures-per-address=1000");
    await("the cluster's access checked: read-only")
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode access = clusterOf(server.admin()).get("access");
              assertThat(access.get("mode").asString()).isEqualTo("read-only");
              assertThat(access.get("checkedAt").isNull()).isFalse();
              Response namespaces = server.getAsAdmin(CLUSTER_PATH + "/resources/namespaces");
              assertThat(namespaces.body()).contains(nsA);
            });
    viewer = user("fs-viewer-" + SUFFIX, List.of(grant("viewer", nsA)));
    operator = user("fs-operator-" + SUFFIX, List.of(grant("operator", nsA)));
    clusterViewer = user("fs-cviewer-" + SUFFIX, List.of(grant("viewer", "*")));
    nobody = user("fs-nobody-" + SUFFIX, List.of());
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (server != null) {
        try {
          for (String user : List.of("fs-viewer-", "fs-operator-", "fs-cviewer-", "fs-nobody-")) {
            server.admin().delete("/api/v1/users/" + user + SUFFIX); // and their bindings
          }
        } finally {
          server.close(); // before its account loses its rights
        }
      }
    } finally {
      if (kube != null) {
        kube.rbac().clusterRoleBindings().withName(IMPERSONATE).delete();
        kube.rbac().clusterRoles().withName(IMPERSONATE).delete();
        if (account != null) {
          account.remove();
        }
        kube.namespaces().withName(nsA).delete();
        kube.namespaces().withName(nsB).delete();
        kube.close();
      }
      if (kubeconfig != null) {
        Files.deleteIfExists(kubeconfig);
      }
    }
  }

  @Test
  @Order(1)
  void withoutImpersonationTheClusterIsReadOnlyForAllButAdministrators() {
    // the cluster list carries the mode and the reason, for the console's banner
    JsonNode access = clusterOf(server.admin()).get("access");
    assertThat(access.get("code").asString()).isEqualTo("impersonation-not-granted");
    assertThat(access.get("missing").toString())
        .isEqualTo("[\"impersonate users\",\"impersonate groups\"]");
    assertThat(access.get("reason").asString())
        .startsWith("Kubeward's credentials lack impersonate users, impersonate groups")
        .contains("read-only");
    Response chinese =
        server.admin().send("GET", "/api/v1/clusters", null, Map.of("Accept-Language", "zh-CN"));
    assertThat(find(chinese.json(), "name", CLUSTER).at("/access/reason").asString())
        .startsWith("Kubeward 的凭据在此集群中缺少 impersonate users, impersonate groups");

    // grants are saved, but their bindings could not be written (Kubeward may not lend its rights
    // and cannot act as the administrator): the answer says so per cluster
    JsonNode sync = find(operatorCreated.get("clusters"), "cluster", CLUSTER);
    assertThat(sync.get("error").asString()).contains("forbidden");

    // a non-administrator's change: refused by Kubeward, audited, nothing changed
    int before = audit(server, username(operator), "apply").size();
    Response apply =
        operator.send(
            "POST",
            CLUSTER_PATH + "/object/apply",
            configMapJson(nsA, "by-operator"),
            Map.of("Accept-Language", "zh-CN"));
    assertProblem(apply, 403, "cluster.read-only");
    assertThat(apply.json().get("title").asString()).isEqualTo("集群对您只读");
    assertThat(apply.json().get("reason").asString()).contains("impersonate");
    JsonNode records = audit(server, username(operator), "apply");
    assertThat(records.size()).isEqualTo(before + 1);
    assertThat(records.get(0).get("error").asString()).startsWith("cluster.read-only");
    assertThat(kube.configMaps().inNamespace(nsA).withName("by-operator").get()).isNull();

    Response cordon = operator.post(CLUSTER_PATH + "/nodes/" + node + "/cordon", null);
    assertProblem(cordon, 403, "cluster.read-only");
    assertThat(kube.nodes().withName(node).get().getSpec().getUnschedulable()).isNotEqualTo(true);
    Response drain = clusterViewer.post(CLUSTER_PATH + "/nodes/" + node + "/drain", Map.of());
    assertProblem(drain, 403, "cluster.read-only");

    // reads follow the Kubeward grants
    Response inA = viewer.get(CLUSTER_PATH + "/resources/configmaps?namespace=" + nsA);
    assertThat(inA.status()).as(inA.body()).isEqualTo(200);
    assertThat(inA.body()).contains("fs-cm");
    Response inB = viewer.get(CLUSTER_PATH + "/resources/configmaps?namespace=" + nsB);
    assertThat(inB.status()).as(inB.body()).isEqualTo(200);
    assertThat(inB.json().get("items")).isEmpty();
    assertProblem(viewer.get(CLUSTER_PATH + "/resources/nodes"), 403, "access.denied");
    assertThat(clusterViewer.get(CLUSTER_PATH + "/resources/nodes").status()).isEqualTo(200);
    Response clusterWide =
        clusterViewer.get(CLUSTER_PATH + "/resources/configmaps?namespace=" + nsB);
    assertThat(clusterWide.body()).contains("fs-cm");
    assertThat(nobody.get("/api/v1/clusters").body())
        .as("a user without a grant does not see a read-only cluster")
        .doesNotContain("\"" + CLUSTER + "\"");
    assertProblem(nobody.get(CLUSTER_PATH + "/resources/configmaps"), 403, "access.denied");

    // the console's permissions come from the grants
    JsonNode forViewer = viewer.get(CLUSTER_PATH + "/permissions?namespace=" + nsA).json();
    assertThat(forViewer.get("source").asString()).isEqualTo("grants");
    assertThat(forViewer.at("/access/mode").asString()).isEqualTo("read-only");
    assertThat(forViewer.at("/access/reason").asString()).contains("impersonate");
    assertThat(RbacMatrixIT.allows(forViewer, "list", "", "configmaps")).isTrue();
    assertThat(RbacMatrixIT.allows(forViewer, "create", "", "configmaps")).isFalse();
    JsonNode forOperator = operator.get(CLUSTER_PATH + "/permissions?namespace=" + nsA).json();
    assertThat(RbacMatrixIT.allows(forOperator, "patch", "", "configmaps"))
        .as("an operator changes nothing in the read-only mode")
        .isFalse();
    forOperator
        .get("actions")
        .properties()
        .forEach(a -> assertThat(a.getValue().asBoolean()).isFalse());
    JsonNode forAdmin = server.admin().get(CLUSTER_PATH + "/permissions?namespace=" + nsA).json();
    assertThat(RbacMatrixIT.allows(forAdmin, "delete", "apps", "deployments")).isTrue();
    forAdmin
        .get("actions")
        .properties()
        .forEach(a -> assertThat(a.getValue().asBoolean()).isTrue());
    assertProblem(nobody.get(CLUSTER_PATH + "/permissions?namespace=" + nsA), 403, "access.denied");

    // an administrator's change is made, with Kubeward's own rights (patch nodes is one of them)
    Response cordoned = server.admin().post(CLUSTER_PATH + "/nodes/" + node + "/cordon", null);
    assertThat(cordoned.status()).as(cordoned.body()).isEqualTo(200);
    assertThat(kube.nodes().withName(node).get().getSpec().getUnschedulable()).isTrue();
    Response uncordoned = server.admin().post(CLUSTER_PATH + "/nodes/" + node + "/uncordon", null);
    assertThat(uncordoned.status()).as(uncordoned.body()).isEqualTo(200);
    assertThat(kube.nodes().withName(node).get().getSpec().getUnschedulable()).isNotEqualTo(true);
    // ... and no more than those: the cluster refuses what Kubeward itself may not do
    Response adminApply =
        server.admin().post(CLUSTER_PATH + "/object/apply", configMapJson(nsA, "by-admin"));
    assertProblem(adminApply, 403, "resource.forbidden");
    assertThat(adminApply.json().get("reason").asString())
        .contains("system:serviceaccount:" + AccountWithoutImpersonation.NAMESPACE + ":" + ACCOUNT);
  }

  @Test
  @Order(2)
  void whenTheClusterGrantsImpersonationTheModeFlipsWithinTheCheckIntervalAndTheClusterDecides() {
    kube.rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(IMPERSONATE)
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("users", "groups")
                .withVerbs("impersonate")
                .endRule()
                .build())
        .create();
    account.bindClusterRole(IMPERSONATE, IMPERSONATE);

    // RBAC takes effect within a moment, then the next check (every 2 s here) sees it
    await("the mode flips to impersonate")
        .atMost(CHECK_INTERVAL.multipliedBy(5).plusSeconds(5))
        .untilAsserted(
            () ->
                assertThat(clusterOf(server.admin()).at("/access/mode").asString())
                    .isEqualTo("impersonate"));
    assertThat(clusterOf(server.admin()).at("/access/code").asString()).isEqualTo("impersonating");
    assertThat(clusterOf(server.admin()).at("/access/reason").asString()).contains("impersonation");
    JsonNode forViewer = viewer.get(CLUSTER_PATH + "/permissions?namespace=" + nsA).json();
    assertThat(forViewer.get("source").asString()).isEqualTo("cluster");
    assertThat(nobody.get("/api/v1/clusters").body())
        .as("the cluster decides now: everyone sees it")
        .contains("\"" + CLUSTER + "\"");

    // the operator's grant has no binding yet (it was refused while read-only): the cluster says no
    Response refused =
        operator.post(CLUSTER_PATH + "/object/apply", configMapJson(nsA, "by-operator"));
    ClusterAccessSupport.assertForbiddenByCluster(refused, username(operator), "get", "configmaps");

    // the administrator makes the grants' bindings, now with their own identity
    Response synced = server.admin().post("/api/v1/users/bindings/sync?cluster=" + CLUSTER, null);
    assertThat(synced.status()).as(synced.body()).isEqualTo(200);
    assertThat(synced.body()).doesNotContain("forbidden");
    await("the operator's edit binding counts")
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response applied =
                  operator.post(CLUSTER_PATH + "/object/apply", configMapJson(nsA, "by-operator"));
              assertThat(applied.status()).as(applied.body()).isEqualTo(200);
            });
    assertThat(kube.configMaps().inNamespace(nsA).withName("by-operator").get()).isNotNull();
    Response cordon = operator.post(CLUSTER_PATH + "/nodes/" + node + "/cordon", null);
    ClusterAccessSupport.assertForbiddenByCluster(cordon, username(operator), "get", "nodes");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Map<String, String> grant(String role, String namespace) {
    return Map.of("role", role, "cluster", CLUSTER, "namespace", namespace);
  }

  /** Creates a user as admin (keeping the operator's answer) and signs them in. */
  private static RunningServer.Session user(String name, List<Map<String, String>> grants) {
    String initial = name + "-initial-password";
    Response created =
        server
            .admin()
            .post("/api/v1/users", Map.of("username", name, "password", initial, "grants", grants));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    if (name.startsWith("fs-operator-")) {
      operatorCreated = created.json();
    }
    RunningServer.Session session = server.login(name, initial);
    Response changed =
        session.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", initial, "newPassword", name + "-chosen-password"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    return session;
  }

  private static String username(RunningServer.Session session) {
    return session.get("/api/v1/auth/me").json().get("username").asString();
  }

  private static JsonNode clusterOf(RunningServer.Client client) {
    Response clusters = client.get("/api/v1/clusters");
    assertThat(clusters.status()).as(clusters.body()).isEqualTo(200);
    return find(clusters.json(), "name", CLUSTER);
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.path(field).asString())) {
        return item;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }
}
