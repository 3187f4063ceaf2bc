package io.kubeward.sso.domain;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import java.util.List;
import java.util.Objects;

/**
 * One line of {@code kubeward.sso.group-mappings}: members of the identity provider's {@code group}
 * get {@code role} in {@code cluster} (or every cluster, {@value Scope#ANY}) and {@code namespace}
 * (or every namespace), and are impersonated with {@code kubernetesGroups} besides Kubeward's own.
 */
public record GroupMapping(
    String group, Role role, String cluster, String namespace, List<String> kubernetesGroups) {

  public GroupMapping {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(role, "role");
    cluster = cluster == null || cluster.isBlank() ? Scope.ANY : cluster;
    namespace = namespace == null || namespace.isBlank() ? Scope.ANY : namespace;
    kubernetesGroups = kubernetesGroups == null ? List.of() : List.copyOf(kubernetesGroups);
  }

  /** The grant this mapping gives. */
  public Grant grant() {
    return new Grant(role, new Scope(cluster, namespace));
  }
}
