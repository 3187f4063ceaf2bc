package io.kubeward.user.app;

import io.kubeward.access.app.Caller;
import io.kubeward.user.domain.GrantBindings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Port: the RBAC bindings made from Kubeward grants in one cluster, written with the caller's
 * identity (an administrator's), so that the cluster decides whether they may grant them.
 */
public interface ClusterGrants {

  /** What a sync changed in one cluster, or why it could not. */
  record Sync(String cluster, List<String> created, List<String> removed, @Nullable String error) {
    public Sync {
      created = List.copyOf(created);
      removed = List.copyOf(removed);
    }

    public static Sync failed(String cluster, String error) {
      return new Sync(cluster, List.of(), List.of(), error);
    }
  }

  /** The clusters Kubeward manages now. */
  List<String> clusters();

  /**
   * Makes {@code username}'s grant bindings in {@code cluster} exactly {@code desired}: creates
   * what is missing (and the {@link GrantBindings#CLUSTER_VIEWER} / {@link
   * GrantBindings#CLUSTER_OPERATOR} roles if needed), removes what is no longer granted.
   */
  Sync sync(Caller caller, String cluster, String username, List<GrantBindings.Binding> desired);

  /** The bindings made from grants for {@code username} in {@code cluster}, as they are now. */
  List<GrantBindings.Binding> current(Caller caller, String cluster, String username);
}
