package io.kubeward.rbac.domain;

import java.util.List;

/**
 * A RoleBinding ({@code namespace} set: grants only there) or ClusterRoleBinding ({@code namespace}
 * null: grants everywhere).
 */
public record RbacBinding(
    String namespace, String name, RoleRef roleRef, List<RbacSubject> subjects) {

  public RbacBinding {
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
  }

  public boolean clusterWide() {
    return namespace == null;
  }

  /** {@code RoleBinding} or {@code ClusterRoleBinding}. */
  public String kind() {
    return clusterWide() ? "ClusterRoleBinding" : "RoleBinding";
  }

  /** Kubernetes' own bindings ({@code system:...}), expected to be powerful. */
  public boolean system() {
    return name.startsWith("system:") || roleRef.name().startsWith("system:");
  }
}
