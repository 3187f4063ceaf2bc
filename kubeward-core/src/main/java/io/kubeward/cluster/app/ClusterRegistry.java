package io.kubeward.cluster.app;

import java.util.List;
import java.util.Optional;

/** Port: the clusters Kubeward manages, one of them the default. */
public interface ClusterRegistry {

  List<ManagedCluster> all();

  Optional<ManagedCluster> find(String name);

  String defaultClusterName();
}
