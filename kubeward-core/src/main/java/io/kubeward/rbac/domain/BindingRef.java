package io.kubeward.rbac.domain;

import org.jspecify.annotations.Nullable;

/** A RoleBinding ({@code namespace} set) or ClusterRoleBinding, named. */
public record BindingRef(String kind, @Nullable String namespace, String name) {

  public static BindingRef of(RbacBinding binding) {
    return new BindingRef(binding.kind(), binding.namespace(), binding.name());
  }
}
