package io.kubeward.resource.app;

import io.kubeward.access.app.Caller;
import io.kubeward.resource.domain.KindInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: any object of a cluster, read and written through its API for a caller (with the caller's
 * identity where Kubeward may impersonate, ADR 0013). Failures come back as {@link
 * io.kubeward.cluster.app.ClusterApiException}s (the apiserver's refusals), {@link
 * io.kubeward.cluster.app.ClusterNotFoundException}, {@link
 * io.kubeward.cluster.app.ClusterUnreachableException} or {@link
 * io.kubeward.access.app.ClusterReadOnlyException}.
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

  Optional<Map<String, Object>> get(
      Caller caller, String cluster, KindInfo kind, String namespace, String name);

  /** Server-side apply as field manager {@code kubeward}; returns the resulting object. */
  Map<String, Object> apply(
      Caller caller,
      String cluster,
      KindInfo kind,
      Map<String, Object> object,
      boolean dryRun,
      boolean force);

  /** Deletes; {@code false} if there was nothing to delete. */
  boolean delete(
      Caller caller,
      String cluster,
      KindInfo kind,
      String namespace,
      String name,
      Propagation propagation);
}
