package io.kubeward.access.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.domain.ClusterActions;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link Authorizer} tells the console where Kubeward may not impersonate (read-only). */
class AuthorizerPermissionsTest {

  private static Caller caller(String name, Grant... grants) {
    return new Caller(new Principal(name, List.of(grants)), Origin.CONSOLE, "127.0.0.1");
  }

  private static final Caller ADMIN = caller("root", new Grant(Role.ADMIN, Scope.everywhere()));
  private static final Caller OPERATOR =
      caller("olga", new Grant(Role.OPERATOR, Scope.namespace("local", "shop")));
  private static final Caller CLUSTER_VIEWER =
      caller("vic", new Grant(Role.VIEWER, Scope.cluster("local")));
  private static final Caller NOBODY = caller("nobody");

  private final Authorizer readOnly = TestAuthorizers.readOnly();

  @Test
  void inTheReadOnlyModeAdministratorsMayDoEverythingAndOthersOnlyReadWhereGranted() {
    assertThat(readOnly.mayDo(ADMIN, "local", ClusterActions.PATCH_NODES)).isTrue();
    assertThat(readOnly.mayDo(ADMIN, "local", ClusterActions.CREATE_MAINTENANCES)).isTrue();

    assertThat(readOnly.mayDo(CLUSTER_VIEWER, "local", ClusterActions.LIST_NODES)).isTrue();
    assertThat(readOnly.mayDo(CLUSTER_VIEWER, "local", ClusterActions.PATCH_NODES)).isFalse();
    assertThat(readOnly.mayDo(CLUSTER_VIEWER, "other", ClusterActions.LIST_NODES)).isFalse();

    ResourceAction createInShop = ResourceAction.of("create", "", "configmaps", "shop");
    ResourceAction listInShop = ResourceAction.of("list", "", "configmaps", "shop");
    assertThat(readOnly.mayDo(OPERATOR, "local", createInShop))
        .as("an operator changes nothing where Kubeward may not impersonate")
        .isFalse();
    assertThat(readOnly.mayDo(OPERATOR, "local", listInShop)).isTrue();
    assertThat(readOnly.mayDo(OPERATOR, "local", ClusterActions.LIST_NODES)).isFalse();
    assertThat(readOnly.mayDo(NOBODY, "local", listInShop)).isFalse();
  }

  @Test
  void inTheReadOnlyModeRulesFollowTheGrants() {
    assertThat(readOnly.rules(ADMIN, "local", "shop").allows("delete", "apps", "deployments"))
        .isTrue();
    var operator = readOnly.rules(OPERATOR, "local", "shop");
    assertThat(operator.allows("list", "", "pods")).isTrue();
    assertThat(operator.allows("get", "apps", "deployments")).isTrue();
    assertThat(operator.allows("patch", "", "configmaps")).isFalse();
    assertThat(operator.incomplete()).isFalse();
    assertThat(readOnly.rules(OPERATOR, "local", "elsewhere").rules()).isEmpty();
    assertThat(readOnly.rules(NOBODY, "local", "shop").rules()).isEmpty();
  }

  @Test
  void whereKubewardImpersonatesTheClusterAnswers() {
    TestAuthorizers.GrantReviews reviews =
        new TestAuthorizers.GrantReviews().know(OPERATOR.principal());
    Authorizer impersonating = TestAuthorizers.impersonating(reviews);

    assertThat(
            impersonating.mayDo(
                OPERATOR, "local", ResourceAction.of("create", "", "configmaps", "shop")))
        .isTrue();
    assertThat(impersonating.mayDo(ADMIN, "local", ClusterActions.PATCH_NODES))
        .as("Kubeward's administrators may in a cluster what the cluster lets them")
        .isFalse();
  }
}
