package io.kubeward.access.app;

import io.kubeward.access.domain.ClusterAccess;

/** Port: how Kubeward may act for its users in each cluster (checked against the cluster). */
public interface ClusterAccessModes {

  /** The last known access of {@code cluster}; {@link ClusterAccess#unknown()} if none yet. */
  ClusterAccess of(String cluster);
}
