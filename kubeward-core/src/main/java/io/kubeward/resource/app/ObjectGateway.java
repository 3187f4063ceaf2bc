package io.kubeward.resource.app;

import io.kubeward.resource.domain.KindInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: any object of a cluster, read and written through its API with Kubeward's credentials.
 * Failures come back as {@link ResourceException}s (the apiserver's message for invalid objects),
 * {@link io.kubeward.cluster.app.ClusterNotFoundException} or {@link
 * io.kubeward.cluster.app.ClusterUnreachableException}.
 */
public interface ObjectGateway {

  enum Propagation {
    BACKGROUND,
    FOREGROUND,
    ORPHAN
  }

  /** The kinds the cluster serves (discovery, cached briefly). */
  List<KindInfo> kinds(String cluster);

  /** The kind for {@code apiVersion} and {@code kind}, refreshing discovery once if unknown. */
  Optional<KindInfo> resolve(String cluster, String apiVersion, String kind);

  Optional<Map<String, Object>> get(String cluster, KindInfo kind, String namespace, String name);

  /** Server-side apply as field manager {@code kubeward}; returns the resulting object. */
  Map<String, Object> apply(
      String cluster, KindInfo kind, Map<String, Object> object, boolean dryRun, boolean force);

  /** Deletes; {@code false} if there was nothing to delete. */
  boolean delete(
      String cluster, KindInfo kind, String namespace, String name, Propagation propagation);
}
