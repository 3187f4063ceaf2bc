package io.kubeward.cluster.domain;

import io.kubeward.access.domain.NamespaceVisibility;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one caller may see of each kind an overview is made of: nodes (cluster-wide or not at all)
 * and, per namespaced kind, the namespaces in which they may list it.
 *
 * @param namespaces the namespaces shown (those the caller may list, or those where they may list
 *     something)
 */
public record OverviewVisibility(
    boolean nodes,
    NamespaceVisibility namespaces,
    NamespaceVisibility pods,
    NamespaceVisibility deployments,
    NamespaceVisibility services) {

  public OverviewVisibility {
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(pods, "pods");
    Objects.requireNonNull(deployments, "deployments");
    Objects.requireNonNull(services, "services");
  }

  /** The same namespaces for every kind; nodes when that is every namespace. */
  public static OverviewVisibility uniform(NamespaceVisibility visible) {
    return new OverviewVisibility(visible.all(), visible, visible, visible, visible);
  }

  /**
   * @param listsNamespaces whether the caller may list namespaces themselves; if not, the
   *     namespaces shown are those in which they may list a pod, deployment or service
   */
  public static OverviewVisibility of(
      boolean nodes,
      boolean listsNamespaces,
      NamespaceVisibility pods,
      NamespaceVisibility deployments,
      NamespaceVisibility services) {
    NamespaceVisibility namespaces =
        listsNamespaces ? NamespaceVisibility.ALL : union(pods, deployments, services);
    return new OverviewVisibility(nodes, namespaces, pods, deployments, services);
  }

  /** Whether the caller sees nothing at all. */
  public boolean isEmpty() {
    return !nodes
        && namespaces.isEmpty()
        && pods.isEmpty()
        && deployments.isEmpty()
        && services.isEmpty();
  }

  private static NamespaceVisibility union(NamespaceVisibility... visibilities) {
    Set<String> names = new HashSet<>();
    for (NamespaceVisibility visibility : visibilities) {
      if (visibility.all()) {
        return NamespaceVisibility.ALL;
      }
      names.addAll(visibility.namespaces());
    }
    return NamespaceVisibility.only(names);
  }
}
