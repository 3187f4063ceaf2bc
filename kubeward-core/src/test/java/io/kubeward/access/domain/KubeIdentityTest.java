package io.kubeward.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KubeIdentityTest {

  private static final Grant VIEWER = new Grant(Role.VIEWER, Scope.everywhere());
  private static final Grant ADMIN = new Grant(Role.ADMIN, Scope.everywhere());

  @Test
  void aLocalUserIsKubewardsUserInKubewardsUsersGroup() {
    KubeIdentity who = KubeIdentity.of(new Principal("alice", List.of(VIEWER)));

    assertThat(who.user()).isEqualTo("kubeward:alice");
    assertThat(who.groups()).containsExactly(KubeIdentity.USERS_GROUP);
  }

  @Test
  void anAdministratorIsAlsoInTheAdminsGroup() {
    KubeIdentity who = KubeIdentity.of(new Principal("root", List.of(ADMIN)));

    assertThat(who.groups()).containsExactly(KubeIdentity.USERS_GROUP, KubeIdentity.ADMINS_GROUP);
  }

  @Test
  void groupsFromSingleSignOnFollowKubewardsOwnOnceEach() {
    KubeIdentity who =
        KubeIdentity.of(
            new Principal(
                "bob", List.of(VIEWER), List.of("oidc:sre", KubeIdentity.USERS_GROUP, "oidc:sre")));

    assertThat(who.groups()).containsExactly(KubeIdentity.USERS_GROUP, "oidc:sre");
  }
}
