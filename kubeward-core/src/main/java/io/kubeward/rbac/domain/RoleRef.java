package io.kubeward.rbac.domain;

/** What a binding grants: a {@code Role} (of the binding's namespace) or a {@code ClusterRole}. */
public record RoleRef(String kind, String name) {

  public static final String ROLE = "Role";
  public static final String CLUSTER_ROLE = "ClusterRole";

  public boolean clusterRole() {
    return CLUSTER_ROLE.equals(kind);
  }
}
