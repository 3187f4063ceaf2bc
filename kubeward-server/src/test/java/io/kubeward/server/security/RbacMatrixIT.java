package io.kubeward.server.security;

import static io.kubeward.server.security.ClusterAccessSupport.assertForbiddenByCluster;
import static io.kubeward.server.security.ClusterAccessSupport.assertProblem;
import static io.kubeward.server.security.ClusterAccessSupport.audit;
import static io.kubeward.server.security.ClusterAccessSupport.canI;
import static io.kubeward.server.security.ClusterAccessSupport.configMapJson;
import static io.kubeward.server.security.ClusterAccessSupport.groupsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubeward.access.domain.ClusterActions;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.maintenance.kube.NodeMaintenanceResources;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.Conflicts;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The permission matrix of issue 11 on the local control plane, with Kubeward running as its own
 * service account (exactly {@code deploy/kubernetes/kubeward-rbac.yaml}): Kubeward users whose
 * Kubernetes rights come from Kubeward grants (turned into RBAC bindings by Kubeward), from
 * RoleBindings made with kubectl and no grant at all, or from nothing, × every endpoint that reads
 * or changes a cluster. Each cell asserts the exact status and, for a refusal, the problem code
 * ({@code resource.forbidden} from the apiserver naming the user and the permission, {@code
 * access.denied} where Kubeward answers from its cache or guards its own administration, {@code
 * access.permission-missing} where Kubeward refuses to lend its rights); that a refused request
 * changed nothing in the cluster (read back with the admin client) and that every change, refused
 * or not, wrote one audit record. One server; users, bindings, namespaces and nodes are made once,
 * and the cells wait for RBAC only once, until the cluster itself answers the expected rights.
 */
@LocalControlPlane
class RbacMatrixIT {

  private static final String CLUSTER = "local";
  private static final String CLUSTER_PATH = "/api/v1/clusters/" + CLUSTER;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SECRET_VALUE_BASE64 = "czNjcmV0"; // s3cret
  private static final String TAINT_KEY = "kubeward.io/rbac-matrix";

  /** What a row's Kubernetes identity may do, as the cluster's RBAC gives it. */
  enum Right {
    /** list/get configmaps (and other namespaced kinds) in namespace A */
    READ_A(ResourceAction.of("list", "", "configmaps", null)),
    /** the same in namespace B (cluster-wide readers) */
    READ_B(ResourceAction.of("list", "", "configmaps", null)),
    SECRETS_A(ResourceAction.of("get", "", "secrets", null)),
    WRITE_A(ResourceAction.of("patch", "", "configmaps", null)),
    WRITE_B(ResourceAction.of("patch", "", "configmaps", null)),
    NODES_READ(ClusterActions.LIST_NODES, ClusterActions.GET_NODES),
    NODES_PATCH(ClusterActions.PATCH_NODES),
    MAINTENANCES_READ(ClusterActions.GET_MAINTENANCES, ClusterActions.LIST_MAINTENANCES),
    MAINTENANCES_CREATE(ClusterActions.CREATE_MAINTENANCES),
    MAINTENANCES_PATCH(ClusterActions.PATCH_MAINTENANCES),
    /** what Kubeward's maintenance controller does as Kubeward and requires of the requester */
    DRAIN(ClusterActions.PATCH_NODES, ClusterActions.EVICT_PODS),
    /** what a drain preview reads live */
    CLUSTER_READ(ClusterActions.GET_NODES, ClusterActions.LIST_PODS, ClusterActions.LIST_BUDGETS);

    final List<ResourceAction> probes;

    Right(ResourceAction... probes) {
      this.probes = List.of(probes);
    }

    /** The probes in the namespace the right is about. */
    List<ResourceAction> probes() {
      String namespace =
          switch (this) {
            case READ_A, SECRETS_A, WRITE_A -> nsA;
            case READ_B, WRITE_B -> nsB;
            default -> null;
          };
      return probes.stream().map(p -> p.in(namespace)).toList();
    }
  }

  /**
   * One row: a Kubeward user, where its Kubernetes rights come from, and what they are.
   *
   * @param kubewardAdmin the user administers Kubeward (and is cluster-admin through group {@code
   *     kubeward:admins}, bound by {@code deploy/kubernetes/kubeward-admins.yaml})
   */
  record Row(
      String label, String username, String source, Set<Right> rights, boolean kubewardAdmin) {
    boolean may(Right right) {
      return rights.contains(right);
    }

    @Override
    public String toString() {
      return label + " (" + source + ")";
    }
  }

  private static final String SUFFIX =
      Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
  private static String nsA;
  private static String nsB;
  private static String node;
  private static String drainNode;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static final List<Row> rows = new ArrayList<>();
  private static final Map<String, RunningServer.Client> clients = new HashMap<>();
  private static final String NODE_MAINTAINER_ROLE = "rbac-matrix-node-maintainer-" + SUFFIX;

  @BeforeAll
  static void start(ControlPlane plane) {
    kube = plane.newAdminClient();
    nsA = "mx-a-" + SUFFIX;
    nsB = "mx-b-" + SUFFIX;
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
                  .withName("mx-cm")
                  .endMetadata()
                  .addToData("k", "v")
                  .build())
          .create();
      kube.secrets()
          .inNamespace(namespace)
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("mx-secret")
                  .endMetadata()
                  .addToStringData("password", "s3cret")
                  .build())
          .create();
    }
    node = "mx-" + SUFFIX + "-node";
    drainNode = "mx-" + SUFFIX + "-drain";
    plane.addNodes(
        List.of(FakeNode.inZone(node, "zone-mx"), FakeNode.inZone(drainNode, "zone-mx")));
    for (String name : List.of(node, drainNode)) {
      // no pod of another test lands here (a drain would evict it)
      Conflicts.retry(
          () ->
              kube.nodes()
                  .withName(name)
                  .edit(
                      n -> {
                        n.getSpec()
                            .getTaints()
                            .add(
                                new TaintBuilder()
                                    .withKey(TAINT_KEY)
                                    .withValue("only")
                                    .withEffect("NoSchedule")
                                    .build());
                        return n;
                      }));
    }
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.probe.interval=1s",
            // long enough that a test passing within its deadline proves the RBAC-change drop
            "--kubeward.access.review-ttl=5m",
            "--kubeward.security.login.max-failures-per-address=1000",
            "--kubeward.maintenance.poll=300ms",
            "--kubeward.maintenance.lock-retry=500ms",
            "--kubeward.maintenance.drain-poll=500ms");
    awaitClusterReady();
    makeRows();
    awaitRbacInEffect();
  }

  private static void awaitClusterReady() {
    await("cluster " + CLUSTER + " impersonating, nodes and namespaces cached, CRD served")
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response clusters = server.getAsAdmin("/api/v1/clusters");
              assertThat(clusters.body()).contains("\"mode\":\"impersonate\"");
              Response nodes = server.getAsAdmin(CLUSTER_PATH + "/resources/nodes?limit=500");
              assertThat(nodes.body()).contains(node, drainNode);
              Response namespaces =
                  server.getAsAdmin(CLUSTER_PATH + "/resources/namespaces?limit=500");
              assertThat(namespaces.body()).contains(nsA, nsB);
              assertThat(server.getAsAdmin(CLUSTER_PATH + "/maintenances").status()).isEqualTo(200);
            });
  }

  private static void makeRows() {
    EnumSet<Right> namespaceWriter = EnumSet.of(Right.READ_A, Right.SECRETS_A, Right.WRITE_A);
    grantRow("viewer", "viewer", nsA, EnumSet.of(Right.READ_A));
    grantRow("operator", "operator", nsA, namespaceWriter);
    grantRow("ns-admin", "admin", nsA, namespaceWriter);
    grantRow(
        "cluster-viewer",
        "viewer",
        "*",
        EnumSet.of(
            Right.READ_A,
            Right.READ_B,
            Right.NODES_READ,
            Right.MAINTENANCES_READ,
            Right.CLUSTER_READ));
    grantRow("cluster-operator", "operator", "*", EnumSet.allOf(Right.class));

    // Bindings made with kubectl, no Kubeward grant at all: they count as much as Kubeward's.
    String editor = user("kubectl-editor");
    kube.rbac()
        .roleBindings()
        .inNamespace(nsA)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("rbac-matrix-editor")
                .endMetadata()
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(KubeIdentity.userOf(editor))
                .endSubject()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName("edit")
                .endRoleRef()
                .build())
        .create();
    addRow("kubectl-editor", editor, "RoleBinding edit made with kubectl", namespaceWriter);

    // May see nodes and create NodeMaintenances, but may not cordon nor evict: Kubeward does not
    // drain for them with its own rights, although the cluster would accept the object.
    String maintainer = user("kubectl-node-maintainer");
    kube.rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(NODE_MAINTAINER_ROLE)
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("nodes")
                .withVerbs("get", "list", "watch")
                .endRule()
                .addNewRule()
                .withApiGroups(ClusterActions.MAINTENANCE_GROUP)
                .withResources(ClusterActions.MAINTENANCES)
                .withVerbs("get", "list", "watch", "create", "patch")
                .endRule()
                .build())
        .create();
    kube.rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(NODE_MAINTAINER_ROLE)
                .endMetadata()
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(KubeIdentity.userOf(maintainer))
                .endSubject()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(NODE_MAINTAINER_ROLE)
                .endRoleRef()
                .build())
        .create();
    addRow(
        "kubectl-node-maintainer",
        maintainer,
        "ClusterRoleBinding made with kubectl",
        EnumSet.of(
            Right.NODES_READ,
            Right.MAINTENANCES_READ,
            Right.MAINTENANCES_CREATE,
            Right.MAINTENANCES_PATCH));

    String nobody = user("nobody");
    addRow("nobody", nobody, "no grant, no binding", EnumSet.noneOf(Right.class));

    clients.put("admin", server.admin());
    rows.add(
        new Row(
            "kubeward-admin",
            "admin",
            "Kubeward administrator, group kubeward:admins bound to cluster-admin",
            EnumSet.allOf(Right.class),
            true));
  }

  private static String user(String label) {
    return "mx" + SUFFIX + "-" + label;
  }

  private static void grantRow(String label, String role, String namespace, Set<Right> rights) {
    String username = user(label);
    clients.put(
        username,
        server.newUser(
            username, List.of(Map.of("role", role, "cluster", CLUSTER, "namespace", namespace))));
    rows.add(
        new Row(
            label,
            username,
            "Kubeward grant " + role + " in " + (namespace.equals("*") ? "all namespaces" : "A"),
            rights,
            false));
    // Kubeward made the bindings its grant calls for, with the administrator's identity
    Response bindings = server.getAsAdmin("/api/v1/users/" + username + "/bindings");
    assertThat(bindings.status()).as(bindings.body()).isEqualTo(200);
    JsonNode local = find(bindings.json(), "cluster", CLUSTER);
    assertThat(local.path("error").isNull()).as(bindings.body()).isTrue();
    List<String> made = new ArrayList<>();
    local.path("bindings").forEach(b -> made.add(b.path("name").asString()));
    List<String> desired = new ArrayList<>();
    local.path("desired").forEach(b -> desired.add(b.path("name").asString()));
    assertThat(made).isNotEmpty().containsExactlyInAnyOrderElementsOf(desired);
  }

  private static void addRow(String label, String username, String source, Set<Right> rights) {
    clients.put(username, server.newUser(username, List.of()));
    rows.add(new Row(label, username, source, rights, false));
  }

  /**
   * Waits, once, until the cluster answers every row's rights as the matrix expects (as {@code
   * kubectl auth can-i --as} would): RBAC takes effect asynchronously. The matrix asks Kubeward
   * nothing as these users before, so no access review predates the bindings.
   */
  private static void awaitRbacInEffect() {
    await("every row's rights in effect in the cluster")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              List<String> wrong = new ArrayList<>();
              for (Row row : rows) {
                for (Right right : Right.values()) {
                  boolean allowed =
                      right.probes().stream()
                          .allMatch(
                              p ->
                                  canI(
                                      kube,
                                      KubeIdentity.userOf(row.username()),
                                      groupsOf(row.kubewardAdmin()),
                                      p));
                  if (allowed != row.may(right)) {
                    wrong.add(row.label() + " " + right + ": cluster says " + allowed);
                  }
                }
              }
              assertThat(wrong).isEmpty();
            });
  }

  @AfterAll
  static void stop() {
    try {
      if (server != null) {
        for (Row row : rows) {
          if (!row.kubewardAdmin()) {
            server.admin().delete("/api/v1/users/" + row.username()); // removes its bindings
          }
        }
      }
      if (kube != null) {
        maintenances().list().getItems().stream()
            .filter(m -> m.getMetadata().getName().contains(SUFFIX))
            .forEach(m -> maintenances().withName(m.getMetadata().getName()).delete());
        kube.rbac().clusterRoleBindings().withName(NODE_MAINTAINER_ROLE).delete();
        kube.rbac().clusterRoles().withName(NODE_MAINTAINER_ROLE).delete();
        kube.namespaces().withName(nsA).delete();
        kube.namespaces().withName(nsB).delete();
        kube.nodes().withName(node).delete();
        kube.nodes().withName(drainNode).delete();
      }
    } finally {
      if (server != null) {
        server.close();
      }
      if (kube != null) {
        kube.close();
      }
    }
  }

  // ---- the matrix ----------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicNode> everyUserTimesEveryEndpoint() {
    return rows.stream().map(row -> dynamicContainer(row.toString(), cells(row).stream()));
  }

  private static List<DynamicNode> cells(Row row) {
    List<DynamicNode> cells = new ArrayList<>();
    cells.add(dynamicTest("cluster list", () -> clusterList(row)));
    cells.add(dynamicTest("cache: configmaps of A and B", () -> listConfigMaps(row)));
    cells.add(dynamicTest("cache: secrets (metadata)", () -> listSecrets(row)));
    cells.add(dynamicTest("cache: overview", () -> overview(row)));
    cells.add(dynamicTest("cache: node list", () -> nodeList(row)));
    cells.add(dynamicTest("node detail", () -> nodeDetail(row)));
    cells.add(dynamicTest("live object get", () -> getObject(row)));
    cells.add(dynamicTest("secret reveal", () -> reveal(row)));
    cells.add(dynamicTest("apply in A", () -> apply(row, nsA, row.may(Right.WRITE_A))));
    cells.add(dynamicTest("apply in B", () -> apply(row, nsB, row.may(Right.WRITE_B))));
    cells.add(dynamicTest("preview (dry run)", () -> preview(row)));
    cells.add(dynamicTest("delete", () -> delete(row)));
    cells.add(dynamicTest("cordon", () -> cordon(row, true)));
    cells.add(dynamicTest("uncordon", () -> cordon(row, false)));
    cells.add(dynamicTest("node label edit", () -> labels(row)));
    cells.add(dynamicTest("drain (creates a NodeMaintenance)", () -> drain(row)));
    cells.add(dynamicTest("maintenance create", () -> createMaintenance(row)));
    cells.add(dynamicTest("maintenance pause", () -> changeMaintenance(row, "pause")));
    cells.add(dynamicTest("maintenance cancel", () -> changeMaintenance(row, "cancel")));
    cells.add(dynamicTest("drain preview", () -> drainPreview(row)));
    cells.add(dynamicTest("permissions for the console", () -> permissions(row)));
    cells.add(dynamicTest("Kubeward: create a user", () -> createUser(row)));
    if (!row.kubewardAdmin()) {
      cells.add(dynamicTest("Kubeward: grant oneself admin", () -> grantSelfAdmin(row)));
    }
    cells.add(dynamicTest("Kubeward: read grant bindings", () -> readBindings(row)));
    return cells;
  }

  // ---- reads -----------------------------------------------------------------------------------

  private static void clusterList(Row row) {
    Response response = client(row).get("/api/v1/clusters");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode local = find(response.json(), "name", CLUSTER);
    assertThat(local.at("/access/mode").asString()).isEqualTo("impersonate");
    assertThat(local.at("/access/code").asString()).isEqualTo("impersonating");
    assertThat(local.at("/access/reason").asString()).contains("impersonation");
  }

  private static void listConfigMaps(Row row) {
    Response inA = client(row).get(CLUSTER_PATH + "/resources/configmaps?namespace=" + nsA);
    Response inB = client(row).get(CLUSTER_PATH + "/resources/configmaps?namespace=" + nsB);
    if (!row.may(Right.READ_A) && !row.may(Right.READ_B)) {
      assertProblem(inA, 403, "access.denied");
      assertProblem(inB, 403, "access.denied");
      return;
    }
    assertThat(inA.status()).as(inA.body()).isEqualTo(200);
    assertThat(names(inA)).contains("mx-cm");
    assertThat(inB.status()).as(inB.body()).isEqualTo(200);
    if (row.may(Right.READ_B)) {
      assertThat(names(inB)).contains("mx-cm");
    } else {
      assertThat(inB.json().get("items")).as("namespace B is filtered out").isEmpty();
    }
  }

  private static void listSecrets(Row row) {
    Response inA = client(row).get(CLUSTER_PATH + "/resources/secrets?namespace=" + nsA);
    Response inB = client(row).get(CLUSTER_PATH + "/resources/secrets?namespace=" + nsB);
    if (!row.may(Right.SECRETS_A)) {
      // Kubernetes' view role leaves secrets out: the cache answers as the cluster would
      assertProblem(inA, 403, "access.denied");
      return;
    }
    assertThat(inA.status()).as(inA.body()).isEqualTo(200);
    assertThat(names(inA)).contains("mx-secret");
    assertThat(inA.body()).doesNotContain(SECRET_VALUE_BASE64).doesNotContain("s3cret");
    assertThat(inB.status()).as(inB.body()).isEqualTo(200);
    if (row.may(Right.READ_B)) {
      assertThat(names(inB)).contains("mx-secret");
    } else {
      assertThat(inB.json().get("items")).isEmpty();
    }
  }

  private static void overview(Row row) {
    Response response = client(row).get(CLUSTER_PATH + "/overview");
    if (!row.may(Right.READ_A) && !row.may(Right.NODES_READ)) {
      assertProblem(response, 403, "access.denied");
      return;
    }
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("clusterWide").asBoolean()).isEqualTo(row.may(Right.NODES_READ));
    if (!row.may(Right.READ_B)) {
      assertThat(response.body()).doesNotContain(nsB);
    }
  }

  private static void nodeList(Row row) {
    Response response = client(row).get(CLUSTER_PATH + "/resources/nodes?limit=500");
    if (!row.may(Right.NODES_READ)) {
      assertProblem(response, 403, "access.denied");
      return;
    }
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(names(response)).contains(node, drainNode);
  }

  private static void nodeDetail(Row row) {
    Response response = client(row).get(CLUSTER_PATH + "/nodes/" + node);
    if (!row.may(Right.NODES_READ)) {
      assertProblem(response, 403, "access.denied");
      return;
    }
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("name").asString()).isEqualTo(node);
  }

  private static void getObject(Row row) {
    Response response =
        client(row)
            .get(
                CLUSTER_PATH
                    + "/object?apiVersion=v1&kind=ConfigMap&format=json&name=mx-cm&namespace="
                    + nsA);
    if (!row.may(Right.READ_A)) {
      assertForbiddenByCluster(response, row.username(), "get", "configmaps");
      return;
    }
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().at("/metadata/name").asString()).isEqualTo("mx-cm");
  }

  private static void reveal(Row row) {
    Response response =
        audited(
            row,
            "secret.reveal",
            row.may(Right.SECRETS_A) ? null : "resource.forbidden",
            () ->
                client(row)
                    .get(
                        CLUSTER_PATH
                            + "/object?apiVersion=v1&kind=Secret&format=json&reveal=true"
                            + "&name=mx-secret&namespace="
                            + nsA));
    if (!row.may(Right.SECRETS_A)) {
      assertForbiddenByCluster(response, row.username(), "get", "secrets");
      assertThat(response.body()).doesNotContain(SECRET_VALUE_BASE64);
      return;
    }
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains(SECRET_VALUE_BASE64);
  }

  private static void drainPreview(Row row) {
    Response response = client(row).get(CLUSTER_PATH + "/nodes/" + node + "/drain-preview");
    if (!row.may(Right.CLUSTER_READ)) {
      // the preview reads the node, then the pods of all namespaces, as the caller
      if (row.may(Right.NODES_READ)) {
        assertForbiddenByCluster(response, row.username(), "list", "pods");
      } else {
        assertForbiddenByCluster(response, row.username(), "get", "nodes");
      }
      return;
    }
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("node").asString()).isEqualTo(node);
  }

  private static void permissions(Row row) {
    Response response = client(row).get(CLUSTER_PATH + "/permissions?namespace=" + nsA);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode p = response.json();
    assertThat(p.get("namespace").asString()).isEqualTo(nsA);
    assertThat(p.get("source").asString()).isEqualTo("cluster");
    assertThat(p.at("/access/mode").asString()).isEqualTo("impersonate");
    assertThat(allows(p, "list", "", "configmaps")).isEqualTo(row.may(Right.READ_A));
    assertThat(allows(p, "create", "", "configmaps")).isEqualTo(row.may(Right.WRITE_A));
    assertThat(allows(p, "get", "", "secrets")).isEqualTo(row.may(Right.SECRETS_A));
    JsonNode actions = p.get("actions");
    Map<String, Boolean> expected = new LinkedHashMap<>();
    expected.put("listNodes", row.may(Right.NODES_READ));
    expected.put("cordonNodes", row.may(Right.NODES_PATCH));
    expected.put("editNodeMetadata", row.may(Right.NODES_PATCH));
    expected.put("previewDrains", row.may(Right.CLUSTER_READ));
    boolean drain = row.may(Right.DRAIN) && row.may(Right.MAINTENANCES_CREATE);
    expected.put("drainNodes", drain);
    expected.put("listMaintenances", row.may(Right.MAINTENANCES_READ));
    expected.put("createMaintenances", drain);
    expected.put(
        "changeMaintenances",
        row.may(Right.MAINTENANCES_READ) && row.may(Right.MAINTENANCES_PATCH));
    Map<String, Boolean> actual = new LinkedHashMap<>();
    expected.keySet().forEach(k -> actual.put(k, actions.get(k).asBoolean()));
    assertThat(actual).isEqualTo(expected);
  }

  // ---- object changes ------------------------------------------------------------------------

  private static void apply(Row row, String namespace, boolean allowed) {
    String name = "applied-by-" + row.label();
    boolean reads = row.may(namespace.equals(nsA) ? Right.READ_A : Right.READ_B);
    Response response =
        audited(
            row,
            "apply",
            allowed ? null : "resource.forbidden",
            () -> client(row).post(objectPath("apply"), configMapJson(namespace, name)));
    boolean exists = kube.configMaps().inNamespace(namespace).withName(name).get() != null;
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(exists).isTrue();
      kube.configMaps().inNamespace(namespace).withName(name).delete();
    } else {
      // the apply reads the object first (for the diff), then patches: both as the caller
      assertForbiddenByCluster(response, row.username(), reads ? "patch" : "get", "configmaps");
      assertThat(exists).as("nothing was created").isFalse();
    }
  }

  private static void preview(Row row) {
    String name = "previewed-by-" + row.label();
    boolean allowed = row.may(Right.WRITE_A);
    int before = audit(server, row.username(), null).size();
    Response response = client(row).post(objectPath("preview"), configMapJson(nsA, name));
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.json().get("changed").asBoolean()).isTrue();
    } else {
      assertForbiddenByCluster(
          response, row.username(), row.may(Right.READ_A) ? "patch" : "get", "configmaps");
    }
    assertThat(kube.configMaps().inNamespace(nsA).withName(name).get())
        .as("a preview never creates anything")
        .isNull();
    assertThat(audit(server, row.username(), null).size())
        .as("a preview changes nothing and is not audited")
        .isEqualTo(before);
  }

  private static void delete(Row row) {
    String name = "victim-of-" + row.label();
    kube.configMaps()
        .inNamespace(nsA)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
    boolean allowed = row.may(Right.WRITE_A);
    Response response =
        audited(
            row,
            "delete",
            allowed ? null : "resource.forbidden",
            () ->
                client(row)
                    .delete(
                        CLUSTER_PATH
                            + "/object?apiVersion=v1&kind=ConfigMap&namespace="
                            + nsA
                            + "&name="
                            + name));
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(202);
      await()
          .atMost(DEADLINE)
          .until(() -> kube.configMaps().inNamespace(nsA).withName(name).get() == null);
    } else {
      assertForbiddenByCluster(response, row.username(), "delete", "configmaps");
      assertThat(kube.configMaps().inNamespace(nsA).withName(name).get())
          .as("the ConfigMap survives a refused delete")
          .isNotNull();
      kube.configMaps().inNamespace(nsA).withName(name).delete();
    }
  }

  // ---- node changes --------------------------------------------------------------------------

  private static void cordon(Row row, boolean cordon) {
    setUnschedulable(!cordon);
    boolean allowed = row.may(Right.NODES_PATCH);
    Response response =
        audited(
            row,
            cordon ? "node.cordon" : "node.uncordon",
            allowed ? null : "resource.forbidden",
            () ->
                client(row)
                    .post(
                        CLUSTER_PATH + "/nodes/" + node + (cordon ? "/cordon" : "/uncordon"),
                        null));
    boolean unschedulable =
        Boolean.TRUE.equals(kube.nodes().withName(node).get().getSpec().getUnschedulable());
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(unschedulable).isEqualTo(cordon);
    } else {
      // the node is read, then patched, as the caller
      assertForbiddenByCluster(
          response, row.username(), row.may(Right.NODES_READ) ? "patch" : "get", "nodes");
      assertThat(unschedulable).as("the node is as it was").isEqualTo(!cordon);
    }
    setUnschedulable(false);
  }

  private static void labels(Row row) {
    String key = "mx-label-" + row.label();
    boolean allowed = row.may(Right.NODES_PATCH);
    Response response = null;
    int attempts = 0;
    int before = audit(server, row.username(), "node.metadata").size();
    Instant deadline = Instant.now().plus(DEADLINE);
    do {
      Node live = kube.nodes().withName(node).get();
      Map<String, String> labels = new HashMap<>(live.getMetadata().getLabels());
      labels.put(key, "yes");
      List<Map<String, String>> taints = new ArrayList<>();
      for (Taint taint : live.getSpec().getTaints()) {
        Map<String, String> t = new HashMap<>();
        t.put("key", taint.getKey());
        if (taint.getValue() != null) {
          t.put("value", taint.getValue());
        }
        t.put("effect", taint.getEffect());
        taints.add(t);
      }
      response =
          client(row)
              .put(
                  CLUSTER_PATH + "/nodes/" + node + "/metadata",
                  Map.of("labels", labels, "taints", taints));
      attempts++;
      // KWOK updates the node's status too: a write based on a stale read is a 409, try again
    } while (response.status() == 409 && Instant.now().isBefore(deadline));
    JsonNode records = audit(server, row.username(), "node.metadata");
    assertThat(records.size()).as("one audit record per attempt").isEqualTo(before + attempts);
    Map<String, String> after = kube.nodes().withName(node).get().getMetadata().getLabels();
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(records.get(0).get("result").asString()).isEqualTo("success");
      assertThat(after).containsEntry(key, "yes");
      Conflicts.retry(
          () ->
              kube.nodes()
                  .withName(node)
                  .edit(
                      n -> {
                        n.getMetadata().getLabels().remove(key);
                        return n;
                      }));
    } else {
      assertForbiddenByCluster(
          response, row.username(), row.may(Right.NODES_READ) ? "patch" : "get", "nodes");
      assertThat(records.get(0).get("result").asString()).isEqualTo("failure");
      assertThat(after).doesNotContainKey(key);
    }
  }

  // ---- drains and maintenances ---------------------------------------------------------------

  private static void drain(Row row) {
    Set<String> before = maintenanceNames();
    String expectedCode = drainRefusal(row);
    Response response =
        audited(
            row,
            "node.drain",
            expectedCode,
            () ->
                client(row)
                    .post(
                        CLUSTER_PATH + "/nodes/" + drainNode + "/drain", Map.of("uncordon", true)));
    if (expectedCode == null) {
      assertThat(response.status()).as(response.body()).isEqualTo(201);
      String name = response.json().get("name").asString();
      assertThat(maintenances().withName(name).get()).isNotNull();
      assertThat(response.json().get("createdBy").asString()).isEqualTo(row.username());
      return;
    }
    assertPermissionMissing(row, response);
    assertThat(maintenanceNames()).as("no NodeMaintenance was created").isEqualTo(before);
  }

  private static void createMaintenance(Row row) {
    String name = "mx-new-" + row.label() + "-" + SUFFIX;
    String expectedCode = drainRefusal(row);
    Response response =
        audited(
            row,
            "maintenance.create",
            expectedCode,
            () ->
                client(row)
                    .post(
                        CLUSTER_PATH + "/maintenances",
                        Map.of("name", name, "nodes", List.of(drainNode), "paused", true)));
    if (expectedCode == null) {
      assertThat(response.status()).as(response.body()).isEqualTo(201);
      assertThat(maintenances().withName(name).get()).isNotNull();
      return;
    }
    assertPermissionMissing(row, response);
    assertThat(maintenances().withName(name).get()).as("nothing was created").isNull();
  }

  /** {@code null} where a drain is allowed, else the code of its refusal. */
  private static String drainRefusal(Row row) {
    if (!row.may(Right.DRAIN)) {
      return "access.permission-missing"; // Kubeward never lends its rights
    }
    return row.may(Right.MAINTENANCES_CREATE) ? null : "resource.forbidden";
  }

  private static void assertPermissionMissing(Row row, Response response) {
    assertProblem(response, 403, "access.permission-missing");
    assertThat(response.json().get("user").asString()).isEqualTo(row.username());
    assertThat(response.json().get("permission").asString()).isEqualTo("patch nodes");
    assertThat(response.json().get("purpose").asString()).isEqualTo("node maintenance");
  }

  private static void changeMaintenance(Row row, String action) {
    String name = "mx-" + action.charAt(0) + "-" + row.label() + "-" + SUFFIX;
    Response made =
        server
            .admin()
            .post(
                CLUSTER_PATH + "/maintenances",
                Map.of("name", name, "nodes", List.of(drainNode), "paused", true));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    Long generation = maintenances().withName(name).get().getMetadata().getGeneration();
    boolean allowed = row.may(Right.MAINTENANCES_READ) && row.may(Right.MAINTENANCES_PATCH);
    Response response =
        audited(
            row,
            "maintenance." + action,
            allowed ? null : "resource.forbidden",
            () -> client(row).post(CLUSTER_PATH + "/maintenances/" + name + "/" + action, null));
    GenericKubernetesResource after = maintenances().withName(name).get();
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      if (action.equals("cancel")) {
        assertThat(spec(after).get("cancelled")).isEqualTo(true);
      }
    } else {
      // the maintenance is read, then patched, as the caller
      assertForbiddenByCluster(
          response,
          row.username(),
          row.may(Right.MAINTENANCES_READ) ? "patch" : "get",
          ClusterActions.MAINTENANCES);
      assertThat(after.getMetadata().getGeneration())
          .as("the spec is unchanged")
          .isEqualTo(generation);
      assertThat(spec(after).get("cancelled")).isNotEqualTo(true);
    }
    maintenances().withName(name).delete();
  }

  // ---- Kubeward's own administration ---------------------------------------------------------

  private static void createUser(Row row) {
    String username = "made-by-" + row.label() + "-" + SUFFIX;
    boolean allowed = row.kubewardAdmin();
    Response response =
        audited(
            row,
            "user.create",
            allowed ? null : "access.denied",
            () ->
                client(row)
                    .post(
                        "/api/v1/users",
                        Map.of(
                            "username",
                            username,
                            "password",
                            "a-long-enough-password",
                            "grants",
                            List.of())));
    boolean exists = server.getAsAdmin("/api/v1/users").body().contains("\"" + username + "\"");
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(201);
      assertThat(exists).isTrue();
      server.admin().delete("/api/v1/users/" + username);
    } else {
      assertProblem(response, 403, "access.denied");
      assertThat(exists).isFalse();
    }
  }

  private static void grantSelfAdmin(Row row) {
    String before = grantsOf(row.username());
    Response response =
        audited(
            row,
            "user.grants",
            "access.denied",
            () ->
                client(row)
                    .put(
                        "/api/v1/users/" + row.username() + "/grants",
                        List.of(Map.of("role", "admin", "cluster", "*", "namespace", "*"))));
    assertProblem(response, 403, "access.denied");
    assertThat(grantsOf(row.username())).isEqualTo(before);
    assertThat(
            canI(
                kube,
                KubeIdentity.userOf(row.username()),
                groupsOf(false),
                ResourceAction.of("*", "*", "*", null)))
        .isFalse();
  }

  private static void readBindings(Row row) {
    Response response = client(row).get("/api/v1/users/" + row.username() + "/bindings");
    if (row.kubewardAdmin()) {
      assertThat(response.status()).as(response.body()).isEqualTo(200);
    } else {
      assertProblem(response, 403, "access.denied");
    }
  }

  // ---- a binding made or removed later counts at once ----------------------------------------

  @Test
  void aRoleBindingMadeOrRemovedWithKubectlCountsWithinSecondsNotAfterTheReviewTtl() {
    String username = user("late");
    RunningServer.Client late = server.newUser(username, List.of());
    String list = CLUSTER_PATH + "/resources/configmaps?namespace=" + nsA;
    String permissions = CLUSTER_PATH + "/permissions?namespace=" + nsA;
    assertProblem(late.get(list), 403, "access.denied");
    assertThat(allows(late.get(permissions).json(), "list", "", "configmaps")).isFalse();

    var binding =
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName("rbac-matrix-late")
            .endMetadata()
            .addNewSubject()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("User")
            .withName(KubeIdentity.userOf(username))
            .endSubject()
            .withNewRoleRef()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("ClusterRole")
            .withName("view")
            .endRoleRef()
            .build();
    kube.rbac().roleBindings().inNamespace(nsA).resource(binding).create();
    // the review ttl is 5 minutes here: only the drop on RBAC changes can make this pass
    await("the new RoleBinding counts")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Response page = late.get(list);
              assertThat(page.status()).as(page.body()).isEqualTo(200);
              assertThat(names(page)).contains("mx-cm");
              assertThat(allows(late.get(permissions).json(), "list", "", "configmaps")).isTrue();
            });

    kube.rbac().roleBindings().inNamespace(nsA).withName("rbac-matrix-late").delete();
    await("the removed RoleBinding counts")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertProblem(late.get(list), 403, "access.denied");
              assertThat(allows(late.get(permissions).json(), "list", "", "configmaps")).isFalse();
            });
    server.admin().delete("/api/v1/users/" + username);
  }

  @Test
  void permissionsWithoutANamespaceHaveNoRulesAndTheEndpointIsDocumented() {
    Response none = server.getAsAdmin(CLUSTER_PATH + "/permissions");
    assertThat(none.status()).as(none.body()).isEqualTo(200);
    assertThat(none.json().get("namespace").isNull()).isTrue();
    assertThat(none.json().get("rules")).isEmpty();
    assertThat(none.json().at("/actions/drainNodes").asBoolean()).isTrue();
    assertProblem(
        server.getAsAdmin(CLUSTER_PATH + "/permissions?namespace=Not_A_Namespace"),
        400,
        "list.invalid-parameter");
    assertProblem(
        server.getAsAdmin("/api/v1/clusters/no-such-cluster/permissions"),
        404,
        "cluster.not-found");

    Response openApi = server.getAsAdmin("/v3/api-docs");
    assertThat(openApi.status()).isEqualTo(200);
    JsonNode operation =
        openApi.json().at("/paths/~1api~1v1~1clusters~1{cluster}~1permissions/get");
    assertThat(operation.path("summary").asString()).contains("hide the actions");
    JsonNode schema = openApi.json().at("/components/schemas/Permissions/properties");
    assertThat(schema.path("source").path("description").asString())
        .contains("SelfSubjectRulesReview");
    assertThat(
            openApi
                .json()
                .at("/components/schemas/PermissionActions/properties/drainNodes/description")
                .asString())
        .contains("pods/eviction");
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * Runs a change and checks that it wrote exactly one audit record for the row's user with the
   * outcome: success, or failure with {@code refusal}'s code.
   */
  private static Response audited(Row row, String verb, String refusal, Supplier<Response> call) {
    int before = audit(server, row.username(), verb).size();
    Response response = call.get();
    JsonNode records = audit(server, row.username(), verb);
    assertThat(records.size())
        .as("audit records %s of %s after an answer %d", verb, row.username(), response.status())
        .isEqualTo(before + 1);
    JsonNode last = records.get(0);
    if (refusal == null) {
      assertThat(last.get("result").asString()).as(last.toString()).isEqualTo("success");
    } else {
      assertThat(last.get("result").asString()).as(last.toString()).isEqualTo("failure");
      assertThat(last.get("error").asString()).startsWith(refusal);
    }
    return response;
  }

  private static RunningServer.Client client(Row row) {
    return clients.get(row.username());
  }

  private static String objectPath(String action) {
    return CLUSTER_PATH + "/object/" + action;
  }

  private static List<String> names(Response page) {
    List<String> names = new ArrayList<>();
    page.json().get("items").forEach(i -> names.add(i.get("name").asString()));
    return names;
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.path(field).asString())) {
        return item;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  /** Whether a permissions answer's rules allow {@code verb} on {@code resource}. */
  static boolean allows(JsonNode permissions, String verb, String group, String resource) {
    for (JsonNode rule : permissions.get("rules")) {
      if (rule.get("resourceNames").isEmpty()
          && matches(rule.get("verbs"), verb)
          && matches(rule.get("apiGroups"), group)
          && matches(rule.get("resources"), resource)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(JsonNode values, String value) {
    for (JsonNode v : values) {
      if (v.asString().equals("*") || v.asString().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static void setUnschedulable(boolean unschedulable) {
    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(node)
                .edit(
                    n -> {
                      n.getSpec().setUnschedulable(unschedulable ? true : null);
                      return n;
                    }));
  }

  private static String grantsOf(String username) {
    Response users = server.getAsAdmin("/api/v1/users");
    return find(users.json(), "username", username).get("grants").toString();
  }

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      maintenances() {
    return kube.genericKubernetesResources(NodeMaintenanceResources.CONTEXT);
  }

  private static Set<String> maintenanceNames() {
    Set<String> names = new java.util.TreeSet<>();
    maintenances().list().getItems().forEach(m -> names.add(m.getMetadata().getName()));
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource maintenance) {
    return (Map<String, Object>) maintenance.getAdditionalProperties().get("spec");
  }
}
