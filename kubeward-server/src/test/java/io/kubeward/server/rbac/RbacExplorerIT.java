package io.kubeward.server.rbac;

import static io.kubeward.server.rbac.RbacFixture.group;
import static io.kubeward.server.rbac.RbacFixture.namedRule;
import static io.kubeward.server.rbac.RbacFixture.rule;
import static io.kubeward.server.rbac.RbacFixture.serviceAccountSubject;
import static io.kubeward.server.rbac.RbacFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The RBAC explorer on the local control plane (issue 17): for a matrix of subjects (users, a user
 * in a group, a service account) × verbs and resources (wildcards, resourceNames, subresources, a
 * RoleBinding to a ClusterRole, an aggregated ClusterRole) × namespaces, the explorer's can-i
 * equals {@code kubectl auth can-i --as … --as-group …}; who-can names the granting subjects; risky
 * bindings show a cluster-admin binding and a Secrets reader, not a pods reader.
 */
@LocalControlPlane
class RbacExplorerIT {

  private static final String C = "/api/v1/clusters/local/rbac";
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String ALL = "";

  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static RbacFixture fx;
  private static KubectlCanI kubectl;
  private static Session admin;
  private static String nsA;
  private static String nsB;
  private static String alice;
  private static String bob;
  private static String carol;
  private static String devs;

  /** A matrix row: how the explorer and kubectl name the same identity. */
  record Who(String label, String apiQuery, List<String> kubectlArgs) {}

  /** A matrix column: verb on [group] resource [/sub] [named]. */
  record What(String verb, String apiGroup, String resource, String subresource, String name) {

    List<String> kubectlArgs() {
      List<String> args = new ArrayList<>();
      args.add(verb);
      String type = apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
      args.add(name == null ? type : type + "/" + name);
      if (subresource != null) {
        args.add("--subresource=" + subresource);
      }
      return args;
    }

    String apiQuery() {
      StringBuilder q = new StringBuilder("verb=" + verb + "&resource=" + resource);
      q.append("&apiGroup=").append(apiGroup);
      if (subresource != null) {
        q.append("&subresource=").append(subresource);
      }
      if (name != null) {
        q.append("&resourceName=").append(name);
      }
      return q.toString();
    }

    @Override
    public String toString() {
      return String.join(" ", kubectlArgs());
    }
  }

  @BeforeAll
  static void start(ControlPlane plane) throws Exception {
    kube = plane.newAdminClient();
    fx = new RbacFixture(kube);
    kubectl = new KubectlCanI(plane.kubeconfig(), Files.createDirectories(dir.resolve("kubectl")));
    nsA = fx.namespace("a");
    nsB = fx.namespace("b");
    alice = fx.name("alice");
    bob = fx.name("bob");
    carol = fx.name("carol");
    devs = fx.name("devs");
    fx.serviceAccount(nsA, "bot");
    makeRbac();
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.data-dir=" + dir.resolve("data"));
    admin = server.admin();
    await("RBAC explorer answers")
        .atMost(DEADLINE)
        .until(() -> admin.get(C + "/risky").status() == 200);
    awaitRbacInEffect();
  }

  private static void makeRbac() {
    // a Role and a RoleBinding to a user, in namespace A only
    fx.role(nsA, "pod-reader", rule(List.of(""), List.of("pods"), List.of("get", "list", "watch")));
    fx.roleBinding(nsA, "alice-pods", "Role", "pod-reader", user(alice));
    // a RoleBinding to a ClusterRole, for a group: exec and get pods in namespace B only
    String exec =
        fx.clusterRole(
            "exec",
            rule(List.of(""), List.of("pods/exec"), List.of("create")),
            rule(List.of(""), List.of("pods"), List.of("get")));
    fx.roleBinding(nsB, "devs-exec", "ClusterRole", exec, group(devs));
    // resourceNames, for a service account
    String named =
        fx.clusterRole(
            "cm-named",
            namedRule(
                List.of(""), List.of("configmaps"), List.of("settings"), List.of("get", "update")));
    fx.roleBinding(nsA, "bot-settings", "ClusterRole", named, serviceAccountSubject(nsA, "bot"));
    // wildcard verbs and resources in one group, cluster-wide
    String apps = fx.clusterRole("apps-all", rule(List.of("apps"), List.of("*"), List.of("*")));
    fx.clusterRoleBinding("bob-apps", apps, user(bob));
    // wildcard verbs on secrets, for a service account of another namespace
    String secrets =
        fx.clusterRole("secrets-all", rule(List.of(""), List.of("secrets"), List.of("*")));
    fx.roleBinding(nsB, "bot-secrets", "ClusterRole", secrets, serviceAccountSubject(nsA, "bot"));
    // */status in every group, for the group, cluster-wide
    String status =
        fx.clusterRole("status", rule(List.of("*"), List.of("*/status"), List.of("get")));
    fx.clusterRoleBinding("devs-status", status, group(devs));
    // an aggregated ClusterRole: the controller-manager copies the labelled role's rules into it
    String label = fx.name("agg");
    fx.clusterRole(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(fx.name("agg-part"))
            .addToLabels(label, "true")
            .endMetadata()
            .withRules(rule(List.of(""), List.of("services"), List.of("get", "list")))
            .build());
    String aggregated =
        fx.clusterRole(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(fx.name("aggregated"))
                .endMetadata()
                .withNewAggregationRule()
                .addNewClusterRoleSelector()
                .addToMatchLabels(label, "true")
                .endClusterRoleSelector()
                .endAggregationRule()
                .build());
    fx.clusterRoleBinding("carol-aggregated", aggregated, user(carol));
  }

  /** Waits until the apiserver's authorizer answers the last bindings, via kubectl itself. */
  private static void awaitRbacInEffect() {
    List<List<String>> baseline =
        List.of(
            List.of("get", "pods", "-n", nsA, "--as=" + alice),
            List.of(
                "create", "pods", "--subresource=exec", "-n", nsB, "--as=x", "--as-group=" + devs),
            List.of("get", "configmaps/settings", "-n", nsA, "--as=" + saUser()),
            List.of("list", "secrets", "-n", nsB, "--as=" + saUser()),
            List.of("delete", "deployments.apps", "-n", nsB, "--as=" + bob),
            List.of(
                "get",
                "deployments.apps",
                "--subresource=status",
                "-n",
                nsA,
                "--as=x",
                "--as-group=" + devs),
            List.of("list", "services", "-n", nsA, "--as=" + carol));
    await("RBAC of the fixture in effect in the apiserver")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> baseline.stream().allMatch(kubectl::canI));
  }

  private static String saUser() {
    return "system:serviceaccount:" + nsA + ":bot";
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.delete();
    }
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void canIEqualsKubectlAuthCanIForTheWholeMatrix() {
    List<Who> subjects =
        List.of(
            new Who("user " + alice, "kind=user&name=" + enc(alice), List.of("--as=" + alice)),
            new Who("user " + bob, "kind=user&name=" + enc(bob), List.of("--as=" + bob)),
            new Who(
                "user " + carol + " in " + devs,
                "kind=user&name=" + enc(carol) + "&groups=" + enc(devs),
                List.of("--as=" + carol, "--as-group=" + devs)),
            new Who(
                "serviceaccount " + nsA + "/bot",
                "kind=serviceaccount&subjectNamespace=" + nsA + "&name=bot",
                List.of("--as=" + saUser())));
    List<What> requests =
        List.of(
            new What("get", "", "pods", null, null),
            new What("list", "", "pods", null, null),
            new What("delete", "", "pods", null, null),
            new What("create", "", "pods", "exec", null),
            new What("get", "", "pods", "log", null),
            new What("get", "", "configmaps", null, "settings"),
            new What("update", "", "configmaps", null, "settings"),
            new What("get", "", "configmaps", null, "other"),
            new What("list", "", "configmaps", null, null),
            new What("list", "", "secrets", null, null),
            new What("delete", "", "secrets", null, "any"),
            new What("list", "", "services", null, null),
            new What("delete", "apps", "deployments", null, null),
            new What("patch", "apps", "deployments", "scale", null),
            new What("get", "apps", "deployments", "status", null),
            new What("get", "batch", "jobs", "status", null));
    List<String> namespaces = List.of(nsA, nsB, ALL);

    List<String> mismatches = new ArrayList<>();
    int yes = 0;
    int cells = 0;
    for (Who who : subjects) {
      for (What what : requests) {
        for (String namespace : namespaces) {
          List<String> args = new ArrayList<>(what.kubectlArgs());
          args.addAll(namespace.isEmpty() ? List.of("--all-namespaces") : List.of("-n", namespace));
          args.addAll(who.kubectlArgs());
          boolean expected = kubectl.canI(args);
          String path =
              C
                  + "/can-i?"
                  + who.apiQuery()
                  + "&"
                  + what.apiQuery()
                  + (namespace.isEmpty() ? "" : "&namespace=" + namespace);
          Response answer = admin.get(path);
          assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
          boolean actual = answer.json().get("allowed").asBoolean();
          cells++;
          yes += expected ? 1 : 0;
          if (actual != expected) {
            mismatches.add(
                who.label()
                    + " "
                    + what
                    + " in "
                    + (namespace.isEmpty() ? "all namespaces" : namespace)
                    + ": kubectl "
                    + expected
                    + ", explorer "
                    + actual);
          }
        }
      }
    }
    assertThat(mismatches).as("cells where the explorer differs from kubectl auth can-i").isEmpty();
    // both answers occur often: the matrix tests the rules, not a constant
    assertThat(yes).as("allowed cells of " + cells).isBetween(15, cells - 15);
  }

  @Test
  void whoCanNamesTheSubjectsOfTheBindingsThatApplyInTheNamespace() {
    JsonNode execInB =
        admin.get(C + "/who-can?verb=create&resource=pods/exec&namespace=" + nsB).json();
    assertThat(subjects(execInB))
        .contains("GROUP " + devs + " via RoleBinding " + nsB + "/devs-exec");
    JsonNode execInA =
        admin.get(C + "/who-can?verb=create&resource=pods/exec&namespace=" + nsA).json();
    assertThat(subjects(execInA)).noneMatch(s -> s.contains(devs));

    JsonNode settings =
        admin
            .get(
                C
                    + "/who-can?verb=update&resource=configmaps&resourceName=settings&namespace="
                    + nsA)
            .json();
    assertThat(subjects(settings))
        .contains("SERVICE_ACCOUNT bot via RoleBinding " + nsA + "/bot-settings");
    JsonNode anyConfigMap =
        admin.get(C + "/who-can?verb=update&resource=configmaps&namespace=" + nsA).json();
    assertThat(subjects(anyConfigMap)).noneMatch(s -> s.contains("bot-settings"));

    JsonNode rules =
        admin.get(C + "/rules?kind=user&name=" + enc(carol) + "&groups=" + enc(devs)).json();
    assertThat(rules.get("groups").toString()).contains(devs, "system:authenticated");
    List<String> bindings =
        StreamSupport.stream(rules.get("rules").spliterator(), false)
            .map(
                r ->
                    r.path("namespace").asString("*")
                        + " "
                        + r.get("binding").get("name").asString())
            .toList();
    assertThat(bindings)
        .contains(
            "* " + fx.name("carol-aggregated"), "* " + fx.name("devs-status"), nsB + " devs-exec");
  }

  private static List<String> subjects(JsonNode answer) {
    List<String> found = new ArrayList<>();
    for (JsonNode allowed : answer.get("subjects")) {
      for (JsonNode binding : allowed.get("bindings")) {
        found.add(
            allowed.get("subject").get("kind").asString()
                + " "
                + allowed.get("subject").get("name").asString()
                + " via "
                + binding.get("kind").asString()
                + " "
                + (binding.path("namespace").isNull() || binding.path("namespace").isMissingNode()
                    ? ""
                    : binding.get("namespace").asString() + "/")
                + binding.get("name").asString());
      }
    }
    return found;
  }

  @Test
  void riskyBindingsShowClusterAdminAndSecretsReadersButNotAPodsReader() {
    String root = fx.clusterRoleBinding("root", "cluster-admin", user(fx.name("root")));
    fx.role(nsA, "secret-reader", rule(List.of(""), List.of("secrets"), List.of("get", "list")));
    fx.roleBinding(nsA, "secrets-reader", "Role", "secret-reader", user(fx.name("sec")));

    await("both bindings listed")
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(admin.get(C + "/risky").body()).contains(root, "secrets-reader"));
    JsonNode risky = admin.get(C + "/risky").json();
    JsonNode rootRow = row(risky, null, root);
    assertThat(rootRow.get("severity").asString()).isEqualTo("critical");
    assertThat(rootRow.get("risks").get(0).get("risk").asString()).isEqualTo("cluster-admin");
    assertThat(rootRow.get("risks").get(0).get("explanation").asString()).contains("every verb");
    JsonNode secretsRow = row(risky, nsA, "secrets-reader");
    assertThat(secretsRow.get("severity").asString()).isEqualTo("high");
    assertThat(secretsRow.get("risks").toString()).contains("\"secrets-read\"");
    assertThat(row(risky, nsA, "alice-pods")).isNull();
    assertThat(risky.toString()).doesNotContain("\"system\":true");

    JsonNode withSystem = admin.get(C + "/risky?includeSystem=true").json();
    assertThat(withSystem.toString()).contains("\"system\":true");
    Response zh = admin.send("GET", C + "/risky", null, Map.of("Accept-Language", "zh-CN"));
    assertThat(row(zh.json(), null, root).get("risks").get(0).get("explanation").asString())
        .contains("所有");
  }

  private static JsonNode row(JsonNode risky, String namespace, String name) {
    for (JsonNode row : risky) {
      JsonNode binding = row.get("binding");
      String ns =
          binding.path("namespace").isNull() || binding.path("namespace").isMissingNode()
              ? null
              : binding.get("namespace").asString();
      if (name.equals(binding.get("name").asString()) && java.util.Objects.equals(namespace, ns)) {
        return row;
      }
    }
    return null;
  }

  @Test
  void badQueriesAreProblemsAndACallerWhoMayNotListRbacGetsTheClustersRefusal() {
    Response kind = admin.get(C + "/rules?kind=robot&name=x");
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.problemCode()).isEqualTo("rbac.subject-kind");
    Response tooLong = admin.get(C + "/who-can?verb=get&resource=" + "p".repeat(300));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.problemCode()).isEqualTo("rbac.invalid");
    assertThat(tooLong.body()).contains("resource");
    Response zh =
        admin.send("GET", C + "/who-can?resource=pods", null, Map.of("Accept-Language", "zh-CN"));
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body()).contains("参数");

    Session nobody = server.newUser(fx.name("nobody"), List.of());
    Response refused = nobody.get(C + "/rules?kind=user&name=x");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.problemCode()).isNotBlank();
  }
}
