package io.kubeward.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Client;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API token scopes narrow what an administrator's token may do (read-only, one cluster and some
 * namespaces, the right to make tokens), checked in the use cases for every endpoint; the cluster
 * is read back to show that refused writes changed nothing.
 */
@LocalControlPlane
class TokenScopeIT {

  static final String ADMIN_PASSWORD = "admin-password-for-scopes";
  static RunningServer server;
  static KubernetesClient kube;
  static Session admin;
  static String inside;
  static String outside;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.security.admin-password=" + ADMIN_PASSWORD,
            "--kubeward.security.login.max-failures-per-address=1000");
    kube = controlPlane.newAdminClient();
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    inside = "scope-in-" + suffix;
    outside = "scope-out-" + suffix;
    for (String namespace : List.of(inside, outside)) {
      kube.namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    admin = server.login("admin", ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.namespaces().withName(inside).delete();
      kube.namespaces().withName(outside).delete();
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static Response createToken(Client client, Map<String, Object> scope) {
    Map<String, Object> body = new HashMap<>(scope);
    body.putIfAbsent("name", "t-" + ThreadLocalRandom.current().nextInt(1 << 20));
    body.putIfAbsent("expiresInDays", 1);
    return client.post("/api/v1/auth/tokens", body);
  }

  private static Client token(Client creator, Map<String, Object> scope) {
    Response created = createToken(creator, scope);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return server.bearer(created.json().get("token").asString(), Map.of());
  }

  private static Response apply(Client client, String namespace, String name) {
    return client.post(
        "/api/v1/clusters/local/object/apply",
        """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"%s"},"data":{"k":"v"}}
        """
            .formatted(name, namespace));
  }

  private static boolean exists(String namespace, String name) {
    return kube.configMaps().inNamespace(namespace).withName(name).get() != null;
  }

  @Test
  void aReadOnlyTokenOfTheAdminReadsButChangesNothing() {
    Client readOnly = token(admin, Map.of("readOnly", true));

    assertThat(readOnly.get("/api/v1/clusters").status()).isEqualTo(200);
    assertThat(readOnly.get("/api/v1/users").status()).isEqualTo(403);
    Response applied = apply(readOnly, inside, "ro-cm");
    assertThat(applied.status()).isEqualTo(403);
    assertThat(applied.problemCode()).isEqualTo("access.token-scope");
    assertThat(exists(inside, "ro-cm")).isFalse();
    assertThat(createToken(readOnly, Map.of()).problemCode()).isEqualTo("access.token-scope");
    Response password =
        readOnly.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", "whatever-password-1"));
    assertThat(password.status()).isEqualTo(403);
    assertThat(server.login("admin", ADMIN_PASSWORD).lastLogin().status()).isEqualTo(200);
    JsonNode denial =
        server.getAsAdmin("/api/v1/audit?user=admin&verb=apply").json().get("items").get(0);
    assertThat(denial.get("error").asString()).startsWith("access.token-scope");
  }

  @Test
  void aTokenMakesTokensOnlyWithThatRightAndNeverWiderOnes() {
    Client plain = token(admin, Map.of());
    Response refused = createToken(plain, Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.problemCode()).isEqualTo("access.token-scope");

    Client maker =
        token(
            admin,
            Map.of("cluster", "local", "namespaces", List.of(inside), "canCreateTokens", true));
    assertThat(
            createToken(
                    maker,
                    Map.of("cluster", "local", "namespaces", List.of(inside), "readOnly", true))
                .status())
        .isEqualTo(201);
    assertThat(createToken(maker, Map.of()).problemCode())
        .as("no cluster = every cluster: wider")
        .isEqualTo("access.token-scope");
    assertThat(
            createToken(maker, Map.of("cluster", "local", "namespaces", List.of(outside)))
                .problemCode())
        .isEqualTo("access.token-scope");
  }

  @Test
  void aNamespaceTokenWritesAndReadsOnlyItsNamespaces() {
    Client scoped = token(admin, Map.of("cluster", "local", "namespaces", List.of(inside)));

    assertThat(apply(scoped, inside, "ns-cm").status()).isEqualTo(200);
    assertThat(exists(inside, "ns-cm")).isTrue();
    Response out = apply(scoped, outside, "ns-cm");
    assertThat(out.status()).isEqualTo(403);
    assertThat(out.problemCode()).isEqualTo("access.token-scope");
    assertThat(exists(outside, "ns-cm")).isFalse();
    Response configMaps = scoped.get("/api/v1/clusters/local/resources/configmaps?limit=500");
    assertThat(configMaps.status()).as(configMaps.body()).isEqualTo(200);
    assertThat(configMaps.json().get("items").toString()).contains(inside).doesNotContain(outside);
    assertThat(scoped.get("/api/v1/users").status()).isEqualTo(403);
  }

  @Test
  void tokensAreListedWithTheirScopesAndBadScopesAreRefused() {
    Response created =
        createToken(
            admin,
            Map.of(
                "name",
                "listed",
                "readOnly",
                true,
                "cluster",
                "local",
                "namespaces",
                List.of("b", "a")));
    assertThat(created.json().get("readOnly").asBoolean()).isTrue();

    JsonNode listed = null;
    for (JsonNode t : admin.get("/api/v1/auth/tokens").json()) {
      if (t.get("name").asString().equals("listed")) {
        listed = t;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("cluster").asString()).isEqualTo("local");
    assertThat(listed.get("namespaces").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(listed.get("canCreateTokens").asBoolean()).isFalse();

    assertThat(createToken(admin, Map.of("namespaces", List.of("a"))).problemCode())
        .isEqualTo("token.invalid");
    assertThat(
            createToken(admin, Map.of("cluster", "local", "namespaces", List.of("Not_A_Name")))
                .problemCode())
        .isEqualTo("token.invalid");
    List<String> many = IntStream.range(0, 51).mapToObj(i -> "ns-" + i).toList();
    assertThat(createToken(admin, Map.of("cluster", "local", "namespaces", many)).problemCode())
        .isEqualTo("token.invalid");
    assertThat(createToken(admin, Map.of("expiresInDays", 366)).problemCode())
        .isEqualTo("token.invalid");
  }
}
