package io.kubeward.sso.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsoMappingTest {

  static final List<GroupMapping> MAPPINGS =
      List.of(
          new GroupMapping("team-a", Role.OPERATOR, "prod", "shop", List.of("corp:team-a")),
          new GroupMapping("sre", Role.ADMIN, null, null, List.of("corp:sre", "corp:team-a")),
          new GroupMapping("team-a", Role.VIEWER, "stage", null, List.of()));

  @Test
  void aGroupGivesEveryMappingOfItWithItsKubernetesGroupsOnce() {
    Mapped mapped = SsoMapping.map(MAPPINGS, List.of("team-a", "sre", "unmapped"));

    assertThat(mapped.grants())
        .containsExactly(
            new Grant(Role.OPERATOR, new Scope("prod", "shop")),
            new Grant(Role.ADMIN, Scope.everywhere()),
            new Grant(Role.VIEWER, Scope.cluster("stage")));
    assertThat(mapped.kubernetesGroups()).containsExactly("corp:team-a", "corp:sre");
    assertThat(mapped.noAccess()).isFalse();
  }

  @Test
  void noMappedGroupIsNoAccessAndGroupsMatchExactly() {
    Mapped mapped = SsoMapping.map(MAPPINGS, List.of("Team-A", "team-a-old"));

    assertThat(mapped.noAccess()).isTrue();
    assertThat(mapped.kubernetesGroups()).isEmpty();
  }

  @Test
  void userNamesAreLowerCasedAndMustFollowKubewardsRules() {
    assertThat(SsoMapping.username(" Alice@Corp.example ")).contains("alice@corp.example");
    assertThat(SsoMapping.username("alice smith")).isEmpty();
    assertThat(SsoMapping.username("-alice")).isEmpty();
    assertThat(SsoMapping.username("a".repeat(65))).isEmpty();
    assertThat(SsoMapping.username(42)).isEmpty();
    assertThat(SsoMapping.username(null)).isEmpty();
  }

  @Test
  void theGroupsClaimIsAListOrOneStringAndBounded() {
    assertThat(SsoMapping.groups(null)).isEmpty();
    assertThat(SsoMapping.groups("team-a")).containsExactly("team-a");
    assertThat(SsoMapping.groups(List.of("team-a", "sre"))).containsExactly("team-a", "sre");
    assertThat(SsoMapping.groups(List.of("team-a", 7))).isNull();
    assertThat(SsoMapping.groups(Collections.nCopies(257, "g"))).isNull();
    assertThat(SsoMapping.groups(List.of("g".repeat(257)))).isNull();
  }

  @Test
  void mappingsMayNotAddSystemOrKubewardGroupsOrNameBadScopes() {
    assertThat(
            SsoMapping.problem(
                new GroupMapping("a", Role.VIEWER, null, null, List.of("system:masters"))))
        .contains("reserved");
    assertThat(
            SsoMapping.problem(
                new GroupMapping("a", Role.VIEWER, null, null, List.of("kubeward:admins"))))
        .contains("reserved");
    assertThat(SsoMapping.problem(new GroupMapping("a", Role.VIEWER, null, null, List.of("a b"))))
        .isNotNull();
    assertThat(SsoMapping.problem(new GroupMapping("a", Role.VIEWER, "Prod!", null, List.of())))
        .contains("cluster");
    assertThat(
            SsoMapping.problem(
                new GroupMapping("a", Role.VIEWER, "prod", "Not_A_Namespace", List.of())))
        .contains("namespace");
    assertThat(
            SsoMapping.problem(
                new GroupMapping("a", Role.OPERATOR, "prod", "shop", List.of("corp:a"))))
        .isNull();
  }
}
