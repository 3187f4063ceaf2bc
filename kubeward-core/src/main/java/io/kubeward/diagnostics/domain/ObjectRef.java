package io.kubeward.diagnostics.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An object of a cluster by kind (as Kubernetes writes it: {@code Pod}, {@code Deployment}),
 * namespace ({@code null} for cluster-scoped kinds) and name.
 */
public record ObjectRef(String kind, @Nullable String namespace, String name) {

  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static ObjectRef of(String kind, @Nullable String namespace, String name) {
    return new ObjectRef(kind, namespace, name);
  }

  /** {@code Kind/namespace/name} or {@code Kind/name}: a stable key for maps and ids. */
  public String key() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  @Override
  public String toString() {
    return key();
  }
}
