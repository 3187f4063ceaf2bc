package io.kubeward.server.security;

import static io.kubeward.server.security.ClusterAccessSupport.audit;
import static io.kubeward.server.security.ClusterAccessSupport.canI;
import static io.kubeward.server.security.ClusterAccessSupport.groupsOf;
import static io.kubeward.server.security.ClusterAccessSupport.serviceAccountGroups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The escalations of issue 11, tried again through Kubeward's generic apply endpoint as an operator
 * of one namespace (a Kubeward grant, which Kubeward turns into an {@code edit} RoleBinding) and as
 * that namespace's admin ({@code admin}): each is refused by the apiserver (RBAC, its escalation
 * check, Pod Security Admission), reported as a 403 problem naming the missing permission or the
 * violation, creates nothing, is audited as a failure, and the cluster still says no afterwards
 * ({@code kubectl auth can-i}, as a SubjectAccessReview).
 */
@LocalControlPlane
class EscalationIT {

  private static final String CLUSTER = "local";
  private static final String APPLY = "/api/v1/clusters/" + CLUSTER + "/object/apply";
  private static final String PREVIEW = "/api/v1/clusters/" + CLUSTER + "/object/preview";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final ResourceAction EVERYTHING = ResourceAction.of("*", "*", "*", null);

  private static final String SUFFIX =
      Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
  private static final String OPERATOR = "mallory-" + SUFFIX;
  private static final String NAMESPACE_ADMIN = "nadia-" + SUFFIX;
  private static String shop;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static RunningServer.Session operator;
  private static RunningServer.Session namespaceAdmin;

  @BeforeAll
  static void start(ControlPlane plane) {
    kube = plane.newAdminClient();
    shop = "shop-" + SUFFIX;
    kube.namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(shop)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .endMetadata()
                .build())
        .create();
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.probe.interval=1s");
    await("cluster impersonating")
        .atMost(DEADLINE)
        .until(() -> server.getAsAdmin("/api/v1/clusters").body().contains("\"impersonate\""));
    operator = server.newUser(OPERATOR, List.of(grant("operator")));
    namespaceAdmin = server.newUser(NAMESPACE_ADMIN, List.of(grant("admin")));
    await("the grants' RoleBindings in effect")
        .atMost(DEADLINE)
        .until(
            () ->
                canI(kube, user(OPERATOR), groupsOf(false), create("", "pods", shop))
                    && canI(
                        kube,
                        user(NAMESPACE_ADMIN),
                        groupsOf(false),
                        create("rbac.authorization.k8s.io", "rolebindings", shop)));
  }

  @AfterAll
  static void stop() {
    try {
      if (kube != null) {
        kube.namespaces().withName(shop).delete();
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

  private static Map<String, String> grant(String role) {
    return Map.of("role", role, "cluster", CLUSTER, "namespace", shop);
  }

  @Test
  void anOperatorMayCreateAServiceAccountButNotBindItToClusterAdmin() {
    Response serviceAccount =
        operator.post(
            APPLY,
            """
            {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"escalator","namespace":"%s"}}
            """
                .formatted(shop));
    assertThat(serviceAccount.status())
        .as("edit lets an operator create ServiceAccounts: %s", serviceAccount.body())
        .isEqualTo(200);
    assertThat(kube.serviceAccounts().inNamespace(shop).withName("escalator").get()).isNotNull();

    Response binding =
        apply(
            operator,
            OPERATOR,
            roleBinding("escalator-admin", "ServiceAccount", "escalator", shop, "cluster-admin"));

    refusedByRbac(binding, OPERATOR, "rolebindings");
    assertThat(kube.rbac().roleBindings().inNamespace(shop).withName("escalator-admin").get())
        .isNull();
    String serviceAccountUser = "system:serviceaccount:" + shop + ":escalator";
    assertThat(canI(kube, serviceAccountUser, serviceAccountGroups(shop), EVERYTHING))
        .as("kubectl auth can-i '*' '*' --as %s", serviceAccountUser)
        .isFalse();
  }

  @Test
  void anOperatorMayNotBindClusterAdminToKubeSystemDefault() {
    Response inShop =
        apply(
            operator,
            OPERATOR,
            roleBinding(
                "kube-system-admin", "ServiceAccount", "default", "kube-system", "cluster-admin"));
    Response inKubeSystem =
        apply(
            operator,
            OPERATOR,
            """
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
             "metadata":{"name":"kube-system-admin","namespace":"kube-system"},
             "subjects":[{"kind":"ServiceAccount","name":"default","namespace":"kube-system"}],
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"}}
            """);
    Response clusterWide =
        apply(
            operator,
            OPERATOR,
            """
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding",
             "metadata":{"name":"kube-system-default-admin-%s"},
             "subjects":[{"kind":"ServiceAccount","name":"default","namespace":"kube-system"}],
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"}}
            """
                .formatted(SUFFIX));

    refusedByRbac(inShop, OPERATOR, "rolebindings");
    refusedByRbac(inKubeSystem, OPERATOR, "rolebindings");
    refusedByRbac(clusterWide, OPERATOR, "clusterrolebindings");
    assertThat(kube.rbac().roleBindings().inNamespace(shop).withName("kube-system-admin").get())
        .isNull();
    assertThat(
            kube.rbac()
                .roleBindings()
                .inNamespace("kube-system")
                .withName("kube-system-admin")
                .get())
        .isNull();
    assertThat(
            kube.rbac().clusterRoleBindings().withName("kube-system-default-admin-" + SUFFIX).get())
        .isNull();
    assertThat(
            canI(
                kube,
                "system:serviceaccount:kube-system:default",
                serviceAccountGroups("kube-system"),
                EVERYTHING))
        .isFalse();
  }

  @Test
  void aNamespaceAdminMayBindWhatTheyHoldButNotClusterAdmin() {
    // the same request with a role the namespace admin holds is fine: RBAC decides, not a blanket
    // refusal of bindings
    Response editBinding =
        namespaceAdmin.post(
            APPLY, roleBinding("helper-edit", "ServiceAccount", "default", shop, "edit"));
    assertThat(editBinding.status()).as(editBinding.body()).isEqualTo(200);

    Response escalation =
        apply(
            namespaceAdmin,
            NAMESPACE_ADMIN,
            roleBinding("helper-admin", "ServiceAccount", "default", shop, "cluster-admin"));

    // RBAC's escalation check: the binding would grant rights its author does not hold
    assertThat(escalation.status()).as(escalation.body()).isEqualTo(403);
    assertThat(escalation.problemCode()).isEqualTo("resource.forbidden");
    assertThat(escalation.json().path("reason").asString())
        .containsIgnoringCase("user \"" + user(NAMESPACE_ADMIN) + "\"")
        .contains("attempting to grant RBAC permissions not currently held");
    assertAuditedFailure(NAMESPACE_ADMIN, "RoleBinding", "helper-admin");
    assertThat(kube.rbac().roleBindings().inNamespace(shop).withName("helper-admin").get())
        .isNull();
    assertThat(
            canI(
                kube,
                "system:serviceaccount:" + shop + ":default",
                serviceAccountGroups(shop),
                EVERYTHING))
        .isFalse();
  }

  @Test
  void podSecurityRestrictedRejectsAPrivilegedHostPodAppliedThroughKubeward() {
    String pod =
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"rootkit","namespace":"%s"},
         "spec":{"hostPID":true,"hostNetwork":true,
          "containers":[{"name":"shell","image":"registry.example/shell:1",
            "securityContext":{"privileged":true},
            "volumeMounts":[{"name":"host","mountPath":"/host"}]}],
          "volumes":[{"name":"host","hostPath":{"path":"/"}}]}}
        """
            .formatted(shop);
    assertThat(canI(kube, user(OPERATOR), groupsOf(false), create("", "pods", shop)))
        .as("RBAC lets the operator create pods: admission decides")
        .isTrue();

    Response preview = operator.post(PREVIEW, pod);
    Response applied = apply(operator, OPERATOR, pod);

    for (Response refused : List.of(preview, applied)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.problemCode()).isEqualTo("resource.forbidden");
      assertThat(refused.json().path("reason").asString())
          .contains("violates PodSecurity \"restricted")
          .contains("privileged")
          .contains("hostPath")
          .contains("hostPID")
          .contains("hostNetwork");
    }
    assertAuditedFailure(OPERATOR, "Pod", "rootkit");
    assertThat(kube.pods().inNamespace(shop).withName("rootkit").get()).isNull();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Applies {@code body} as {@code username} and checks that one audit record was written. */
  private static Response apply(RunningServer.Client client, String username, String body) {
    int before = audit(server, username, "apply").size();
    Response response = client.post(APPLY, body);
    assertThat(audit(server, username, "apply").size()).isEqualTo(before + 1);
    return response;
  }

  private static void refusedByRbac(Response response, String username, String resource) {
    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.problemCode()).isEqualTo("resource.forbidden");
    // edit holds no right on RBAC objects: the apply's first request (a get) is refused
    assertThat(response.json().path("reason").asString())
        .contains("User \"" + user(username) + "\"")
        .contains("cannot get resource \"" + resource + "\"")
        .contains("in API group \"rbac.authorization.k8s.io\"");
    JsonNode last = audit(server, username, "apply").get(0);
    assertThat(last.path("result").asString()).isEqualTo("failure");
    assertThat(last.path("error").asString()).startsWith("resource.forbidden");
  }

  private static void assertAuditedFailure(String username, String kind, String name) {
    JsonNode last = audit(server, username, "apply").get(0);
    assertThat(last.path("result").asString()).isEqualTo("failure");
    assertThat(last.path("kind").asString()).isEqualTo(kind);
    assertThat(last.path("name").asString()).isEqualTo(name);
    assertThat(last.path("error").asString()).startsWith("resource.forbidden");
  }

  private static String roleBinding(
      String name, String subjectKind, String subject, String subjectNamespace, String role) {
    String namespaceField =
        subjectNamespace == null || subjectNamespace.isEmpty()
            ? ""
            : ",\"namespace\":\"" + subjectNamespace + "\"";
    return """
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
         "metadata":{"name":"%s","namespace":"%s"},
         "subjects":[{"kind":"%s","name":"%s"%s}],
         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"%s"}}
        """
        .formatted(name, shop, subjectKind, subject, namespaceField, role);
  }

  private static ResourceAction create(String group, String resource, String namespace) {
    return ResourceAction.of("create", group, resource, namespace);
  }

  private static String user(String username) {
    return KubeIdentity.userOf(username);
  }
}
