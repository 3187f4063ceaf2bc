package io.kubeward.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission matrix: each role (granted in one namespace only) × each mutating endpoint × a
 * namespace in and out of the grant. No unauthorized call succeeds, no authorized call is denied, a
 * denied call changes nothing in the cluster, and every call writes exactly one audit record.
 */
@LocalControlPlane
class RbacMatrixIT {

  private static final String CLUSTER = "local";
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static String inScope;
  private static String outOfScope;
  private static Path kubeconfig;
  private static final Map<String, Session> sessions = new java.util.LinkedHashMap<>();

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.security.login.max-failures-per-address=1000");
    kube = controlPlane.newAdminClient();
    kubeconfig = controlPlane.kubeconfig();
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    inScope = "rbac-in-" + suffix;
    outOfScope = "rbac-out-" + suffix;
    for (String namespace : List.of(inScope, outOfScope)) {
      kube.namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      kube.secrets()
          .inNamespace(namespace)
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("db")
                  .endMetadata()
                  .addToStringData("password", "s3cret")
                  .build())
          .create();
    }
    for (String role : List.of("viewer", "operator", "admin")) {
      sessions.put(role, userWithGrant("matrix-" + role, role, inScope));
    }
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.namespaces().withName(inScope).delete();
      kube.namespaces().withName(outOfScope).delete();
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> namespacedMutationsAreAllowedOnlyToOperatorsAndAdminsInTheirNamespace() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String role : sessions.keySet()) {
      for (String namespace : List.of(inScope, outOfScope)) {
        boolean allowed = !role.equals("viewer") && namespace.equals(inScope);
        String where = role + " in " + (namespace.equals(inScope) ? "own" : "other") + " namespace";
        tests.add(dynamicTest("apply: " + where, () -> apply(role, namespace, allowed)));
        tests.add(dynamicTest("delete: " + where, () -> delete(role, namespace, allowed)));
        tests.add(dynamicTest("preview: " + where, () -> preview(role, namespace, allowed)));
        tests.add(dynamicTest("reveal secret: " + where, () -> reveal(role, namespace, allowed)));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> kubewardAdministrationAndClusterScopedChangesNeedAGlobalGrant() {
    List<DynamicTest> tests = new ArrayList<>();
    List<String> everyone = new ArrayList<>(sessions.keySet());
    everyone.add("global-admin");
    for (String role : everyone) {
      boolean allowed = role.equals("global-admin");
      tests.add(dynamicTest("create user: " + role, () -> createUser(role, allowed)));
      tests.add(dynamicTest("add cluster: " + role, () -> addCluster(role, allowed)));
      tests.add(dynamicTest("apply namespace: " + role, () -> applyNamespace(role, allowed)));
    }
    return tests.stream();
  }

  @org.junit.jupiter.api.Test
  void namespaceScopedUserGetsTheirNamespaceInListsAndOverviewNotAnError() {
    Session viewer = sessions.get("viewer");

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Response configMaps =
                  viewer.get("/api/v1/clusters/" + CLUSTER + "/resources/configmaps?limit=500");
              assertThat(configMaps.status()).as(configMaps.body()).isEqualTo(200);
              List<String> namespaces = new ArrayList<>();
              configMaps
                  .json()
                  .get("items")
                  .forEach(i -> namespaces.add(i.get("namespace").asString()));
              assertThat(namespaces).containsOnly(inScope).isNotEmpty();
              assertThat(configMaps.json().get("total").asInt()).isEqualTo(namespaces.size());
            });
    // Kubernetes' view role leaves secrets out: the cache answers as the cluster would
    assertThat(viewer.get("/api/v1/clusters/" + CLUSTER + "/resources/secrets").status())
        .isEqualTo(403);
    Response others =
        viewer.get("/api/v1/clusters/" + CLUSTER + "/resources/configmaps?namespace=" + outOfScope);
    assertThat(others.status()).isIn(200, 403);
    if (others.status() == 200) {
      assertThat(others.json().get("items")).isEmpty();
    }
    Response overview = viewer.get("/api/v1/clusters/" + CLUSTER + "/overview");
    assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    assertThat(overview.json().get("clusterWide").asBoolean()).isFalse();
    assertThat(overview.body()).doesNotContain(outOfScope);
  }

  // ---- the endpoints -------------------------------------------------------------------------

  private void apply(String role, String namespace, boolean allowed) {
    String name = "applied-by-" + role;
    Response response =
        audited(
            role, () -> session(role).post(objectPath("apply"), configMapJson(namespace, name)));
    expect(response, allowed, 200);
    assertThat(kube.configMaps().inNamespace(namespace).withName(name).get() != null)
        .as("ConfigMap exists after %s's apply", role)
        .isEqualTo(allowed);
  }

  private void delete(String role, String namespace, boolean allowed) {
    String name = "victim-of-" + role;
    kube.configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
    Response response =
        audited(
            role,
            () ->
                session(role)
                    .delete(
                        "/api/v1/clusters/"
                            + CLUSTER
                            + "/object?apiVersion=v1&kind=ConfigMap&namespace="
                            + namespace
                            + "&name="
                            + name));
    expect(response, allowed, 202);
    if (!allowed) {
      assertThat(kube.configMaps().inNamespace(namespace).withName(name).get())
          .as("ConfigMap survives %s's denied delete", role)
          .isNotNull();
    }
  }

  private void preview(String role, String namespace, boolean allowed) {
    String name = "previewed-by-" + role;
    Response response = session(role).post(objectPath("preview"), configMapJson(namespace, name));
    expect(response, allowed, 200);
    assertThat(kube.configMaps().inNamespace(namespace).withName(name).get())
        .as("a preview never creates anything")
        .isNull();
  }

  private void reveal(String role, String namespace, boolean allowed) {
    Response response =
        audited(
            role,
            () ->
                session(role)
                    .get(
                        "/api/v1/clusters/"
                            + CLUSTER
                            + "/object?apiVersion=v1&kind=Secret&namespace="
                            + namespace
                            + "&name=db&format=json&reveal=true"));
    expect(response, allowed, 200);
    if (allowed) {
      assertThat(response.body()).contains("czNjcmV0"); // base64 of s3cret
    } else {
      assertThat(response.body()).doesNotContain("czNjcmV0");
    }
  }

  private void createUser(String role, boolean allowed) {
    String username = "made-by-" + role;
    Response response =
        audited(
            role,
            () ->
                session(role)
                    .post(
                        "/api/v1/users",
                        Map.of(
                            "username",
                            username,
                            "password",
                            "a-long-enough-password",
                            "grants",
                            List.of())));
    expect(response, allowed, 201);
    boolean exists =
        server.getAsAdmin("/api/v1/users").body().contains("\"username\":\"" + username + "\"");
    assertThat(exists).as("user %s exists", username).isEqualTo(allowed);
  }

  private void addCluster(String role, boolean allowed) {
    String name = "added-by-" + role.replace('_', '-');
    String kubeconfig = kubeconfigText();
    Response response =
        audited(
            role,
            () ->
                session(role)
                    .post("/api/v1/clusters", Map.of("name", name, "kubeconfig", kubeconfig)));
    expect(response, allowed, 201);
    boolean listed = server.getAsAdmin("/api/v1/clusters").body().contains("\"" + name + "\"");
    assertThat(listed).as("cluster %s registered", name).isEqualTo(allowed);
  }

  private void applyNamespace(String role, boolean allowed) {
    String name = "ns-by-" + role;
    String json =
        """
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"%s"}}
        """
            .formatted(name);
    Response response = audited(role, () -> session(role).post(objectPath("apply"), json));
    expect(response, allowed, 200);
    assertThat(kube.namespaces().withName(name).get() != null)
        .as("namespace %s exists", name)
        .isEqualTo(allowed);
    if (allowed) {
      kube.namespaces().withName(name).delete();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static void expect(Response response, boolean allowed, int successStatus) {
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(successStatus);
    } else {
      assertThat(response.status()).as(response.body()).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  /** Runs a mutating call and checks that it wrote exactly one audit record for the user. */
  private static Response audited(String role, java.util.function.Supplier<Response> call) {
    String user = username(role);
    int before = auditCount(user);
    Response response = call.get();
    assertThat(auditCount(user))
        .as("audit records of %s after a call answered %d", user, response.status())
        .isEqualTo(before + 1);
    return response;
  }

  private static int auditCount(String user) {
    Response page = server.getAsAdmin("/api/v1/audit?limit=500&user=" + user);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items").size();
  }

  private static String username(String role) {
    return role.equals("global-admin") ? "admin" : "matrix-" + role;
  }

  private static Session session(String role) {
    return role.equals("global-admin") ? server.admin() : sessions.get(role);
  }

  private static String objectPath(String action) {
    return "/api/v1/clusters/" + CLUSTER + "/object/" + action;
  }

  private static String configMapJson(String namespace, String name) {
    return """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"%s"},"data":{"k":"v"}}
        """
        .formatted(name, namespace);
  }

  private static String kubeconfigText() {
    try {
      return java.nio.file.Files.readString(kubeconfig);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Session userWithGrant(String name, String role, String namespace) {
    return server.newUser(
        name, List.of(Map.of("role", role, "cluster", CLUSTER, "namespace", namespace)));
  }
}
