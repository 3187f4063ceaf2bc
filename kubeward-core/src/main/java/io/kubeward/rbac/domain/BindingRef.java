package io.kubeward.rbac.domain;

/** A RoleBinding ({@code namespace} set) or ClusterRoleBinding, named. */
public record BindingRef(String kind, String namespace, String name) {

  public static BindingRef of(RbacBinding binding) {
    return new BindingRef(binding.kind(), binding.namespace(), binding.name());
  }
}
