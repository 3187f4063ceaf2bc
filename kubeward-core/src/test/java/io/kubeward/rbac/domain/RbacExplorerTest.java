package io.kubeward.rbac.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RbacExplorerTest {

  private static final RbacRole POD_READER =
      new RbacRole(
          "team-a",
          "pod-reader",
          List.of(RbacRule.of(List.of(""), List.of("pods"), List.of("get", "list"))));
  private static final RbacRole EXEC =
      new RbacRole(
          null, "exec", List.of(RbacRule.of(List.of(""), List.of("pods/exec"), List.of("create"))));
  private static final RbacRole NAMED_CM =
      new RbacRole(
          null,
          "one-configmap",
          List.of(
              new RbacRule(
                  List.of(""),
                  List.of("configmaps"),
                  List.of("settings"),
                  List.of("get", "update"),
                  List.of())));
  private static final RbacRole ALL_APPS =
      new RbacRole(
          null, "apps-all", List.of(RbacRule.of(List.of("apps"), List.of("*"), List.of("*"))));
  private static final RbacRole SUB_WILDCARD =
      new RbacRole(
          null,
          "any-status",
          List.of(RbacRule.of(List.of("*"), List.of("*/status", "pods/*"), List.of("get"))));

  private static RbacBinding roleBinding(
      String ns, String name, RoleRef ref, RbacSubject... subjects) {
    return new RbacBinding(ns, name, ref, List.of(subjects));
  }

  private static final RbacSnapshot SNAPSHOT =
      new RbacSnapshot(
          List.of(POD_READER, EXEC, NAMED_CM, ALL_APPS, SUB_WILDCARD),
          List.of(
              roleBinding("team-a", "alice-pods", POD_READER.ref(), RbacSubject.user("alice")),
              // a RoleBinding to a ClusterRole: only in team-a
              roleBinding("team-a", "devs-exec", EXEC.ref(), RbacSubject.group("devs")),
              roleBinding(
                  null,
                  "bot-apps",
                  ALL_APPS.ref(),
                  new RbacSubject(RbacSubject.Kind.SERVICE_ACCOUNT, "bot", "ci")),
              // a service account subject without namespace: the binding's
              roleBinding(
                  "team-a",
                  "local-sa",
                  NAMED_CM.ref(),
                  new RbacSubject(RbacSubject.Kind.SERVICE_ACCOUNT, "app", null)),
              roleBinding(
                  null,
                  "authenticated-status",
                  SUB_WILDCARD.ref(),
                  RbacSubject.group(RbacIdentity.AUTHENTICATED)),
              roleBinding(
                  "team-a",
                  "dangling",
                  new RoleRef(RoleRef.ROLE, "gone"),
                  RbacSubject.user("alice"))));

  private final RbacExplorer explorer = new RbacExplorer(SNAPSHOT);

  private static ResourceRequest request(
      String verb, String group, String resource, String sub, String ns, String name) {
    return new ResourceRequest(verb, group, resource, sub, ns, name);
  }

  @Test
  void aRoleBindingGrantsOnlyInItsNamespace() {
    RbacIdentity alice = RbacIdentity.user("alice", List.of());
    assertThat(explorer.canI(alice, request("list", "", "pods", null, "team-a", null)).allowed())
        .isTrue();
    assertThat(explorer.canI(alice, request("list", "", "pods", null, "team-b", null)).allowed())
        .isFalse();
    assertThat(explorer.canI(alice, request("list", "", "pods", null, null, null)).allowed())
        .isFalse();
    assertThat(explorer.canI(alice, request("delete", "", "pods", null, "team-a", null)).allowed())
        .isFalse();
  }

  @Test
  void aRoleBindingToAClusterRoleGrantsTheGroupInTheBindingsNamespaceOnly() {
    RbacIdentity carol = RbacIdentity.user("carol", List.of("devs"));
    assertThat(
            explorer.canI(carol, request("create", "", "pods", "exec", "team-a", "web")).allowed())
        .isTrue();
    assertThat(
            explorer.canI(carol, request("create", "", "pods", "exec", "team-b", "web")).allowed())
        .isFalse();
    assertThat(
            explorer
                .canI(
                    RbacIdentity.user("carol", List.of()),
                    request("create", "", "pods", "exec", "team-a", "web"))
                .allowed())
        .isFalse();
    // the subresource is not the resource
    assertThat(explorer.canI(carol, request("create", "", "pods", null, "team-a", null)).allowed())
        .isFalse();
  }

  @Test
  void wildcardsInVerbsAndResourcesCoverTheirGroupOnly() {
    RbacIdentity bot = RbacIdentity.serviceAccount("ci", "bot");
    assertThat(
            explorer.canI(bot, request("delete", "apps", "deployments", null, "x", null)).allowed())
        .isTrue();
    assertThat(
            explorer
                .canI(bot, request("patch", "apps", "statefulsets", "scale", null, null))
                .allowed())
        .isTrue();
    assertThat(explorer.canI(bot, request("delete", "", "pods", null, "x", null)).allowed())
        .isFalse();
  }

  @Test
  void resourceNamesAllowOnlyRequestsThatNameTheObject() {
    RbacIdentity app = RbacIdentity.serviceAccount("team-a", "app");
    assertThat(
            explorer
                .canI(app, request("get", "", "configmaps", null, "team-a", "settings"))
                .allowed())
        .isTrue();
    assertThat(
            explorer.canI(app, request("get", "", "configmaps", null, "team-a", "other")).allowed())
        .isFalse();
    assertThat(
            explorer.canI(app, request("list", "", "configmaps", null, "team-a", null)).allowed())
        .isFalse();
    // the same service account name in another namespace is another account
    assertThat(
            explorer
                .canI(
                    RbacIdentity.serviceAccount("team-b", "app"),
                    request("get", "", "configmaps", null, "team-a", "settings"))
                .allowed())
        .isFalse();
  }

  @Test
  void starSlashSubresourceMatchesButResourceSlashStarDoesNot() {
    RbacIdentity anyone = RbacIdentity.user("dave", List.of());
    assertThat(
            explorer
                .canI(anyone, request("get", "apps", "deployments", "status", "x", null))
                .allowed())
        .isTrue();
    assertThat(explorer.canI(anyone, request("get", "", "pods", "log", "x", null)).allowed())
        .isFalse();
    assertThat(explorer.canI(anyone, request("get", "", "pods", null, "x", null)).allowed())
        .isFalse();
    // a group alone is not authenticated
    assertThat(
            explorer
                .canI(
                    RbacIdentity.group("devs"),
                    request("get", "apps", "deployments", "status", "x", null))
                .allowed())
        .isFalse();
  }

  @Test
  void serviceAccountsAndUsersGetTheGroupsTheApiserverAdds() {
    assertThat(RbacIdentity.serviceAccount("ci", "bot").groups())
        .containsExactly(
            "system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated");
    assertThat(RbacIdentity.user("alice", List.of("devs")).groups())
        .containsExactly("devs", "system:authenticated");
    assertThat(RbacIdentity.user("system:serviceaccount:ci:bot", List.of()).user())
        .isEqualTo("system:serviceaccount:ci:bot");
    assertThat(RbacIdentity.user("system:serviceaccount:ci:bot", List.of()).subject().kind())
        .isEqualTo(RbacSubject.Kind.SERVICE_ACCOUNT);
  }

  @Test
  void mastersAreAllowedEverythingWithoutRbac() {
    CanIAnswer answer =
        explorer.canI(
            RbacIdentity.user("root", List.of("system:masters")),
            request("delete", "", "nodes", null, null, "n1"));
    assertThat(answer.allowed()).isTrue();
    assertThat(answer.master()).isTrue();
    assertThat(answer.grantedBy()).isEmpty();
  }

  @Test
  void effectiveRulesListEveryGrantClusterWideFirstAndMissingRoles() {
    SubjectRules rules = explorer.rules(RbacIdentity.user("alice", List.of("devs")));
    assertThat(rules.rules())
        .extracting(g -> g.namespace() + " " + g.binding().name() + " " + g.role().name())
        .containsExactly(
            "null authenticated-status any-status",
            "team-a alice-pods pod-reader",
            "team-a devs-exec exec");
    assertThat(rules.rules().get(2).boundAs()).isEqualTo(RbacSubject.group("devs"));
    assertThat(rules.missingRoles())
        .containsExactly(new BindingRef("RoleBinding", "team-a", "dangling"));
    assertThat(rules.master()).isFalse();
  }

  @Test
  void whoCanListsTheSubjectsOfTheBindingsThatApplyThere() {
    WhoCanAnswer inA = explorer.whoCan(request("create", "", "pods", "exec", "team-a", null));
    assertThat(inA.subjects())
        .extracting(a -> a.subject())
        .containsExactly(RbacSubject.group("devs"));
    assertThat(inA.subjects().get(0).bindings())
        .containsExactly(new BindingRef("RoleBinding", "team-a", "devs-exec"));
    assertThat(explorer.whoCan(request("create", "", "pods", "exec", "team-b", null)).subjects())
        .isEmpty();

    WhoCanAnswer named =
        explorer.whoCan(request("update", "", "configmaps", null, "team-a", "settings"));
    assertThat(named.subjects())
        .extracting(a -> a.subject())
        .containsExactly(RbacSubject.serviceAccount("team-a", "app"));
    assertThat(
            explorer.whoCan(request("update", "", "configmaps", null, "team-a", null)).subjects())
        .isEmpty();
  }
}
