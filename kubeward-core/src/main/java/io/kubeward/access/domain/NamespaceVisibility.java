package io.kubeward.access.domain;

import java.util.Set;

/**
 * Which namespaces of one cluster a user may read: all of them, or a fixed set (possibly empty).
 * Lists are filtered with it, so a namespace-scoped user sees a usable console, not an error.
 */
public record NamespaceVisibility(boolean all, Set<String> namespaces) {

  public static final NamespaceVisibility ALL = new NamespaceVisibility(true, Set.of());
  public static final NamespaceVisibility NONE = new NamespaceVisibility(false, Set.of());

  public NamespaceVisibility {
    namespaces = Set.copyOf(namespaces);
  }

  public static NamespaceVisibility only(Set<String> namespaces) {
    return new NamespaceVisibility(false, namespaces);
  }

  /** Whether an object in {@code namespace} ({@code null}: cluster-scoped) is visible. */
  public boolean includes(String namespace) {
    return all || (namespace != null && namespaces.contains(namespace));
  }

  public boolean isEmpty() {
    return !all && namespaces.isEmpty();
  }
}
