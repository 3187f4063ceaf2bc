package io.kubeward.cluster.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clusters from the start-up configuration plus those added at runtime. Thread-safe; closing it
 * closes every cluster.
 */
public final class RuntimeClusterRegistry implements ClusterRegistry, AutoCloseable {

  private final Map<String, ManagedCluster> clusters = new ConcurrentHashMap<>();
  private final String defaultClusterName;

  public RuntimeClusterRegistry(List<? extends ManagedCluster> initial, String defaultClusterName) {
    initial.forEach(this::add);
    if (!clusters.containsKey(defaultClusterName)) {
      throw new IllegalArgumentException(
          "default cluster " + defaultClusterName + " is not among " + clusters.keySet());
    }
    this.defaultClusterName = defaultClusterName;
  }

  @Override
  public List<ManagedCluster> all() {
    return List.copyOf(clusters.values());
  }

  @Override
  public Optional<ManagedCluster> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(clusters.get(name));
  }

  @Override
  public String defaultClusterName() {
    return defaultClusterName;
  }

  @Override
  public void add(ManagedCluster cluster) {
    if (clusters.putIfAbsent(cluster.name(), cluster) != null) {
      throw new ClusterExistsException(cluster.name());
    }
  }

  @Override
  public Optional<ManagedCluster> remove(String name) {
    return Optional.ofNullable(clusters.remove(name));
  }

  @Override
  public void close() {
    List<ManagedCluster> all = new ArrayList<>(clusters.values());
    clusters.clear();
    all.forEach(ManagedCluster::close);
  }
}
