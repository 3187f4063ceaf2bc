package io.kubeward.cluster.app;

import java.util.List;
import java.util.Optional;

/** Port: the clusters Kubeward manages, one of them the default. */
public interface ClusterRegistry {

  List<ManagedCluster> all();

  Optional<ManagedCluster> find(String name);

  String defaultClusterName();

  /** Adds a cluster at runtime; fails if the name is taken. */
  default void add(ManagedCluster cluster) {
    throw new UnsupportedOperationException("this registry is fixed");
  }

  /** Removes a cluster (the caller closes it); empty if there was none of that name. */
  default Optional<ManagedCluster> remove(String name) {
    throw new UnsupportedOperationException("this registry is fixed");
  }
}
