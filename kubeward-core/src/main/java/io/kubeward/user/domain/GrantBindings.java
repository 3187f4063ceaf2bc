package io.kubeward.user.domain;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Kubernetes RBAC bindings that give a Kubeward user's grants effect in one cluster (ADR 0013):
 * Kubeward's roles are a convenient way to make these bindings, the cluster's RBAC then decides.
 *
 * <ul>
 *   <li>viewer → ClusterRole {@code view}; operator → {@code edit}; admin → {@code admin}, bound in
 *       the grant's namespace, or cluster-wide for a grant on all namespaces;
 *   <li>a cluster-wide viewer or operator also gets {@value #CLUSTER_VIEWER} or {@value
 *       #CLUSTER_OPERATOR} (nodes, namespaces, volumes, node maintenance: what the namespace roles
 *       leave out); a cluster-wide admin of one cluster gets {@code cluster-admin};
 *   <li>Kubeward's administrators (admin everywhere) get no binding of their own: they are in group
 *       {@value KubeIdentity#ADMINS_GROUP}, which each cluster binds as it sees fit.
 * </ul>
 */
public final class GrantBindings {

  public static final String CLUSTER_VIEWER = "kubeward:cluster-viewer";
  public static final String CLUSTER_OPERATOR = "kubeward:cluster-operator";

  /** The label that marks bindings made from grants. */
  public static final String MANAGED_BY = "kubeward-grants";

  /** The annotation that names the Kubeward user of a binding. */
  public static final String USER_ANNOTATION = "kubeward.io/user";

  private GrantBindings() {}

  /**
   * One binding of a ClusterRole to a Kubeward user.
   *
   * @param namespace the RoleBinding's namespace, {@code null} for a ClusterRoleBinding
   */
  public record Binding(
      @Nullable String namespace, String name, String clusterRole, String username) {
    public Binding {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(clusterRole, "clusterRole");
      Objects.requireNonNull(username, "username");
    }

    public boolean clusterWide() {
      return namespace == null;
    }

    /** The Kubernetes user the binding names. */
    public String subject() {
      return KubeIdentity.userOf(username);
    }
  }

  /** The bindings {@code username}'s {@code grants} call for in {@code cluster}. */
  public static List<Binding> desired(String username, List<Grant> grants, String cluster) {
    Set<Binding> bindings = new LinkedHashSet<>();
    for (Grant grant : grants) {
      Scope scope = grant.scope();
      if (!scope.coversCluster(cluster) || isKubewardAdmin(grant)) {
        continue;
      }
      String namespace = scope.coversAllNamespaces() ? null : scope.namespace();
      for (String clusterRole : clusterRoles(grant.role(), namespace == null)) {
        bindings.add(new Binding(namespace, name(username, clusterRole), clusterRole, username));
      }
    }
    return List.copyOf(bindings);
  }

  /** The ClusterRoles of a Kubeward role, in a namespace or cluster-wide. */
  static List<String> clusterRoles(Role role, boolean clusterWide) {
    List<String> roles = new ArrayList<>();
    switch (role) {
      case VIEWER -> {
        roles.add("view");
        if (clusterWide) {
          roles.add(CLUSTER_VIEWER);
        }
      }
      case OPERATOR -> {
        roles.add("edit");
        if (clusterWide) {
          roles.add(CLUSTER_OPERATOR);
        }
      }
      case ADMIN -> roles.add(clusterWide ? "cluster-admin" : "admin");
    }
    return roles;
  }

  /** {@code kubeward:user:<name>:<role>}: stable, so a sync finds its own bindings again. */
  static String name(String username, String clusterRole) {
    return "kubeward:user:" + username + ":" + clusterRole;
  }

  private static boolean isKubewardAdmin(Grant grant) {
    return grant.role() == Role.ADMIN && grant.scope().equals(Scope.everywhere());
  }
}
