package io.kubeward.cluster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetPermissionsTest {

  private record Cluster(String name) implements ManagedCluster {
    @Override
    public Reachability reachability() {
      return Reachability.unknown(Instant.EPOCH);
    }

    @Override
    public boolean cacheSynced() {
      return true;
    }

    @Override
    public ClusterSnapshot snapshot() {
      return new ClusterSnapshot(List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  private static Caller caller(String name, Grant... grants) {
    return new Caller(new Principal(name, List.of(grants)), Origin.API, "127.0.0.1");
  }

  private static GetPermissions readOnly() {
    RuntimeClusterRegistry registry =
        new RuntimeClusterRegistry(List.of(new Cluster("local")), "local");
    return new GetPermissions(
        new ClusterReads(registry, TestAuthorizers.readOnly()), TestAuthorizers.readOnly());
  }

  @Test
  void readOnlyModeAnswersFromTheGrantsWithTheReason() {
    Caller admin = caller("root", new Grant(Role.ADMIN, Scope.everywhere()));
    Caller operator = caller("olga", new Grant(Role.OPERATOR, Scope.cluster("local")));

    CallerPermissions forAdmin = readOnly().of(admin, "local", "shop");
    CallerPermissions forOperator = readOnly().of(operator, "local", " shop ");

    assertThat(forAdmin.access().mode()).isEqualTo("read-only");
    assertThat(forAdmin.access().reason()).isEqualTo("test");
    assertThat(forAdmin.source()).isEqualTo(CallerPermissions.FROM_GRANTS);
    assertThat(forAdmin.actions())
        .isEqualTo(new CallerPermissions.Actions(true, true, true, true, true, true, true, true));
    assertThat(forOperator.namespace()).isEqualTo("shop");
    assertThat(forOperator.actions())
        .isEqualTo(
            new CallerPermissions.Actions(true, false, false, true, false, true, false, false));
    assertThat(forOperator.rules()).hasSize(1);
    assertThat(forOperator.rules().get(0).verbs()).containsExactly("get", "list", "watch");
  }

  @Test
  void withoutANamespaceThereAreNoRulesAndABadOneIsRefused() {
    Caller admin = caller("root", new Grant(Role.ADMIN, Scope.everywhere()));

    assertThat(readOnly().of(admin, "local", null).rules()).isEmpty();
    assertThat(readOnly().of(admin, "local", null).namespace()).isNull();
    assertThatThrownBy(() -> readOnly().of(admin, "local", "Not_A_Namespace"))
        .isInstanceOf(ClusterRequestException.class)
        .hasMessageContaining("namespace");
    assertThatThrownBy(() -> readOnly().of(admin, "nowhere", null))
        .isInstanceOf(ClusterNotFoundException.class);
  }

  @Test
  void aUserWithoutGrantsDoesNotSeeAReadOnlyCluster() {
    assertThatThrownBy(() -> readOnly().of(caller("nobody"), "local", "shop"))
        .isInstanceOf(AccessDeniedException.class);
  }
}
