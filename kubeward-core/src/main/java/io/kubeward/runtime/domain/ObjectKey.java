package io.kubeward.runtime.domain;

import java.util.Objects;

/**
 * An object's identity within one kind and cluster; {@code namespace} is null when cluster-scoped.
 */
public record ObjectKey(String namespace, String name) {

  public ObjectKey {
    Objects.requireNonNull(name, "name");
  }

  public static ObjectKey cluster(String name) {
    return new ObjectKey(null, name);
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
