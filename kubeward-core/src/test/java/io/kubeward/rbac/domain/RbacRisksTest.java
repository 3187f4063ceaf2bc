package io.kubeward.rbac.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RbacRisksTest {

  private static final List<String> CORE = List.of("");

  @Test
  void readingPodsCarriesNoRisk() {
    assertThat(RbacRisks.of(RbacRule.of(CORE, List.of("pods"), List.of("get", "list")))).isEmpty();
  }

  @Test
  void everythingOnEverythingIsClusterAdminAndBothWildcards() {
    RbacRule all = RbacRule.of(List.of("*"), List.of("*"), List.of("*"));
    assertThat(RbacRisks.of(all))
        .contains(RbacRisk.CLUSTER_ADMIN, RbacRisk.WILDCARD_VERBS, RbacRisk.WILDCARD_RESOURCES)
        .contains(RbacRisk.SECRETS_READ, RbacRisk.PODS_EXEC, RbacRisk.IMPERSONATE);
  }

  @Test
  void secretsReadNeedsAReadVerbOnCoreSecrets() {
    assertThat(RbacRisks.of(RbacRule.of(CORE, List.of("secrets"), List.of("list"))))
        .containsExactly(RbacRisk.SECRETS_READ);
    assertThat(RbacRisks.of(RbacRule.of(CORE, List.of("secrets"), List.of("create")))).isEmpty();
    assertThat(RbacRisks.of(RbacRule.of(List.of("apps"), List.of("secrets"), List.of("get"))))
        .isEmpty();
  }

  @Test
  void execIsCreateOnTheSubresourceIncludingWildcardSubresources() {
    assertThat(RbacRisks.of(RbacRule.of(CORE, List.of("pods/exec"), List.of("create"))))
        .containsExactly(RbacRisk.PODS_EXEC);
    assertThat(RbacRisks.of(RbacRule.of(CORE, List.of("pods/*"), List.of("create"))))
        .containsExactly(RbacRisk.PODS_EXEC);
    assertThat(RbacRisks.of(RbacRule.of(CORE, List.of("pods/exec"), List.of("get")))).isEmpty();
  }

  @Test
  void escalateBindAndImpersonate() {
    List<String> rbac = List.of("rbac.authorization.k8s.io");
    assertThat(RbacRisks.of(RbacRule.of(rbac, List.of("clusterroles"), List.of("escalate"))))
        .containsExactly(RbacRisk.ESCALATE);
    assertThat(RbacRisks.of(RbacRule.of(rbac, List.of("roles"), List.of("bind"))))
        .containsExactly(RbacRisk.BIND);
    assertThat(RbacRisks.of(RbacRule.of(CORE, List.of("users"), List.of("impersonate"))))
        .containsExactly(RbacRisk.IMPERSONATE);
  }

  @Test
  void namedObjectsAreNotEveryObject() {
    RbacRule one = new RbacRule(CORE, List.of("secrets"), List.of("db"), List.of("get"), List.of());
    assertThat(RbacRisks.of(one)).isEmpty();
  }

  @Test
  void aBindingToClusterAdminIsRiskyEvenWhenTheRoleIsNotReadable() {
    RbacBinding binding =
        new RbacBinding(
            null,
            "ops-admin",
            new RoleRef(RoleRef.CLUSTER_ROLE, "cluster-admin"),
            List.of(RbacSubject.group("ops")));
    RbacSnapshot snapshot = new RbacSnapshot(List.of(), List.of(binding));

    assertThat(snapshot.riskyBindings(false))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.severity()).isEqualTo(RbacRisk.Severity.CRITICAL);
              assertThat(r.risks())
                  .extracting(RuleRisk::risk)
                  .containsExactly(RbacRisk.CLUSTER_ADMIN);
            });
  }

  @Test
  void aRoleBindingUsesTheRoleOfItsOwnNamespaceAndSystemBindingsCanBeLeftOut() {
    RbacRole reader =
        new RbacRole(
            "team-a", "reader", List.of(RbacRule.of(CORE, List.of("secrets"), List.of("get"))));
    RbacRole otherReader = new RbacRole("team-b", "reader", List.of());
    RbacBinding binding =
        new RbacBinding(
            "team-b", "b", new RoleRef(RoleRef.ROLE, "reader"), List.of(RbacSubject.user("bob")));
    RbacBinding system =
        new RbacBinding(
            "team-a",
            "system:reader",
            new RoleRef(RoleRef.ROLE, "reader"),
            List.of(RbacSubject.user("system:kube-scheduler")));
    RbacSnapshot snapshot =
        new RbacSnapshot(List.of(reader, otherReader), List.of(binding, system));

    assertThat(snapshot.role(binding)).contains(otherReader);
    assertThat(snapshot.riskyBindings(false)).isEmpty();
    assertThat(snapshot.riskyBindings(true))
        .extracting(r -> r.binding().name())
        .containsExactly("system:reader");
  }

  @Test
  void serviceAccountsAuthenticateAsTheirSystemUser() {
    assertThat(RbacSubject.serviceAccount("ci", "deployer").userName())
        .isEqualTo("system:serviceaccount:ci:deployer");
    assertThat(RbacSubject.group("ops").userName()).isNull();
  }
}
