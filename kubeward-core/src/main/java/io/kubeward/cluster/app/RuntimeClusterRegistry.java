package io.kubeward.cluster.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The clusters from the start-up configuration plus those added at runtime. Thread-safe; closing it
 * closes every cluster.
 */
public final class RuntimeClusterRegistry implements ClusterRegistry, AutoCloseable {

  private final Map<String, ManagedCluster> clusters = new ConcurrentHashMap<>();
  private final String defaultClusterName;
  // --- issue 18 ha ---
  private volatile Function<String, Optional<ManagedCluster>> misses = name -> Optional.empty();

  /**
   * Asks {@code lookup} for a name this registry does not hold before answering "no such cluster":
   * a cluster another replica just added is usable here at once (ADR 0053). {@code lookup} adds
   * what it finds to this registry.
   */
  public void lookUpMissesWith(Function<String, Optional<ManagedCluster>> lookup) {
    this.misses = lookup;
  }

  /** Only the clusters held now, never asking the lookup (for the periodic sync). */
  public Optional<ManagedCluster> held(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(clusters.get(name));
  }

  // --- end issue 18 ha ---

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
    if (name == null) {
      return Optional.empty();
    }
    ManagedCluster held = clusters.get(name);
    return held != null ? Optional.of(held) : misses.apply(name); // issue 18 ha
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
