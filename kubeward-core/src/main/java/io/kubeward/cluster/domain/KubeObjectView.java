package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What every compact projection of a Kubernetes object keeps: its identity, the resource version it
 * was projected from, its age, labels and controlling owner. {@code namespace} is {@code null} for
 * cluster-scoped objects.
 */
public interface KubeObjectView {
  String namespace();

  String name();

  String uid();

  String resourceVersion();

  /** {@code metadata.creationTimestamp}, {@code null} if unknown. */
  Instant createdAt();

  /** The labels (never {@code null}; empty when none). */
  Map<String, String> labels();

  /** The controlling owner reference, {@code null} if none. */
  default OwnerRef owner() {
    return null;
  }

  /** A short status text for sorting and for the console's status column. */
  String status();

  /** Container restarts (pods), 0 for other kinds; for sorting. */
  default int restarts() {
    return 0;
  }

  /**
   * The same view carrying another resource version: two views with equal content but different
   * versions mean the object changed in fields Kubeward does not keep, which is no change for the
   * console.
   */
  KubeObjectView withResourceVersion(String resourceVersion);
}
