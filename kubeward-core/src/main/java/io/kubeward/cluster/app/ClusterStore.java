package io.kubeward.cluster.app;

import java.time.Instant;
import java.util.List;

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
}
