package io.kubeward.cluster.domain;

/**
 * A change of one cached object as the console sees it: its view after the change (before, for a
 * deletion). Changes of fields Kubeward does not keep are not changes.
 */
public record ViewChange(CachedKind kind, Type type, KubeObjectView view) {

  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }
}
