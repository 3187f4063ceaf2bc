package io.kubeward.access.domain;

import java.util.Objects;

/**
 * Where a grant applies: one cluster or all ({@value #ANY}), and within it one namespace or all.
 * Cluster-scoped objects (nodes, namespaces, CRDs, ...) are only covered by a scope whose namespace
 * is {@value #ANY}.
 */
public record Scope(String cluster, String namespace) {

  public static final String ANY = "*";

  public Scope {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    if (cluster.isBlank() || namespace.isBlank()) {
      throw new IllegalArgumentException("cluster and namespace must not be blank; use * for all");
    }
  }

  public static Scope everywhere() {
    return new Scope(ANY, ANY);
  }

  public static Scope cluster(String cluster) {
    return new Scope(cluster, ANY);
  }

  public static Scope namespace(String cluster, String namespace) {
    return new Scope(cluster, namespace);
  }

  public boolean coversCluster(String name) {
    return ANY.equals(cluster) || cluster.equals(name);
  }

  public boolean coversAllNamespaces() {
    return ANY.equals(namespace);
  }

  /**
   * Whether an object in {@code clusterName}, namespace {@code namespaceName} ({@code null} for a
   * cluster-scoped object) falls in this scope.
   */
  public boolean covers(String clusterName, String namespaceName) {
    if (!coversCluster(clusterName)) {
      return false;
    }
    return coversAllNamespaces() || (namespaceName != null && namespace.equals(namespaceName));
  }
}
