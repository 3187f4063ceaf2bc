package io.kubeward.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private static Principal user(Grant... grants) {
    return new Principal("someone", List.of(grants));
  }

  private final Principal admin = user(new Grant(Role.ADMIN, Scope.everywhere()));
  private final Principal teamAOperator =
      user(
          new Grant(Role.OPERATOR, Scope.namespace("prod", "team-a")),
          new Grant(Role.VIEWER, Scope.cluster("prod")));

  @Test
  void adminMayDoEverythingEverywhere() {
    for (Verb verb : Verb.values()) {
      assertThat(AccessPolicy.allows(admin, verb, "prod", "team-b")).as(verb.name()).isTrue();
      assertThat(AccessPolicy.allows(admin, verb, "dev", null)).as(verb.name()).isTrue();
    }
  }

  @Test
  void namespaceOperatorMutatesOnlyInTheirNamespaceAndReadsTheRestOfTheCluster() {
    assertThat(AccessPolicy.allows(teamAOperator, Verb.MUTATE, "prod", "team-a")).isTrue();
    assertThat(AccessPolicy.allows(teamAOperator, Verb.READ_SECRET, "prod", "team-a")).isTrue();
    assertThat(AccessPolicy.allows(teamAOperator, Verb.MUTATE, "prod", "team-b")).isFalse();
    assertThat(AccessPolicy.allows(teamAOperator, Verb.READ_SECRET, "prod", "team-b")).isFalse();
    assertThat(AccessPolicy.allows(teamAOperator, Verb.READ, "prod", "team-b")).isTrue();
    assertThat(AccessPolicy.allows(teamAOperator, Verb.MUTATE, "prod", null))
        .as("cluster-scoped objects need a cluster-wide grant")
        .isFalse();
    assertThat(AccessPolicy.allows(teamAOperator, Verb.READ, "dev", "team-a")).isFalse();
  }

  @Test
  void administeringKubewardNeedsAdminEverywhere() {
    Principal clusterAdmin = user(new Grant(Role.ADMIN, Scope.cluster("prod")));

    assertThat(AccessPolicy.allows(clusterAdmin, Verb.MUTATE, "prod", null)).isTrue();
    assertThat(AccessPolicy.allows(clusterAdmin, Verb.ADMINISTER, "prod", null)).isFalse();
    assertThat(AccessPolicy.isAdmin(clusterAdmin)).isFalse();
    assertThat(AccessPolicy.isAdmin(admin)).isTrue();
  }

  @Test
  void visibleNamespacesAreAllOrTheGrantedOnes() {
    Principal viewer = user(new Grant(Role.VIEWER, Scope.namespace("prod", "team-a")));

    assertThat(AccessPolicy.namespaces(viewer, Verb.READ, "prod"))
        .isEqualTo(NamespaceVisibility.only(Set.of("team-a")));
    assertThat(AccessPolicy.namespaces(viewer, Verb.READ, "dev").isEmpty()).isTrue();
    assertThat(AccessPolicy.namespaces(viewer, Verb.MUTATE, "prod").isEmpty()).isTrue();
    assertThat(AccessPolicy.namespaces(teamAOperator, Verb.READ, "prod").all()).isTrue();
    assertThat(AccessPolicy.namespaces(teamAOperator, Verb.MUTATE, "prod").namespaces())
        .containsExactly("team-a");
    assertThat(AccessPolicy.seesCluster(viewer, "prod")).isTrue();
    assertThat(AccessPolicy.seesCluster(viewer, "dev")).isFalse();
  }

  @Test
  void visibilityIncludesClusterScopedObjectsOnlyWhenAllNamespacesAreVisible() {
    assertThat(NamespaceVisibility.ALL.includes(null)).isTrue();
    assertThat(NamespaceVisibility.only(Set.of("a")).includes(null)).isFalse();
    assertThat(NamespaceVisibility.only(Set.of("a")).includes("a")).isTrue();
  }
}
