package io.kubeward.node.health.app;

import java.time.Instant;
import java.util.Map;

/** Port: the renew times of a cluster's node Leases, read live once per health scan. */
public interface NodeLeases {

  /** The {@code renewTime} of every node Lease of the cluster (node name → time). */
  Map<String, Instant> leaseRenewTimes(String cluster);
}
