package io.kubeward.cluster.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Port: where clusters added at runtime are kept across restarts. Implementations keep the
 * kubeconfig encrypted at rest and never hand it to anything but the {@link ClusterFactory}.
 */
public interface ClusterStore {

  /** A cluster added at runtime; {@link #toString()} never shows the kubeconfig. */
  record StoredCluster(
      String name, String kubeconfig, String context, String addedBy, Instant addedAt) {
    @Override
    public String toString() {
      return "StoredCluster[name=" + name + ", context=" + context + ", addedBy=" + addedBy + "]";
    }
  }

  List<StoredCluster> load();

  void save(StoredCluster cluster);

  void delete(String name);

  // --- issue 18 ha ---
  /** The names of the stored clusters, without decrypting anything (replicas compare them). */
  default Set<String> names() {
    return load().stream().map(StoredCluster::name).collect(Collectors.toUnmodifiableSet());
  }

  /** One stored cluster, if there is one of that name. */
  default Optional<StoredCluster> find(String name) {
    return load().stream().filter(c -> c.name().equals(name)).findFirst();
  }
  // --- end issue 18 ha ---
}
