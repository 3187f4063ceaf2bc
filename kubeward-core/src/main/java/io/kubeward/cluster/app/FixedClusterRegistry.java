package io.kubeward.cluster.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A registry of clusters fixed at start-up (from configuration). */
public final class FixedClusterRegistry implements ClusterRegistry {

  private final Map<String, ManagedCluster> clusters = new LinkedHashMap<>();
  private final String defaultClusterName;

  public FixedClusterRegistry(List<? extends ManagedCluster> clusters, String defaultClusterName) {
    for (ManagedCluster cluster : clusters) {
      if (this.clusters.putIfAbsent(cluster.name(), cluster) != null) {
        throw new IllegalArgumentException("two clusters are named " + cluster.name());
      }
    }
    if (!this.clusters.containsKey(defaultClusterName)) {
      throw new IllegalArgumentException(
          "default cluster " + defaultClusterName + " is not among " + this.clusters.keySet());
    }
    this.defaultClusterName = defaultClusterName;
  }

  @Override
  public List<ManagedCluster> all() {
    return List.copyOf(clusters.values());
  }

  @Override
  public Optional<ManagedCluster> find(String name) {
    return Optional.ofNullable(clusters.get(name));
  }

  @Override
  public String defaultClusterName() {
    return defaultClusterName;
  }
}
