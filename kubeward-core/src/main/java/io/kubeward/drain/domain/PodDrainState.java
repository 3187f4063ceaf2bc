package io.kubeward.drain.domain;

/** Where one pod is in a running drain. */
public enum PodDrainState {
  /** Not acted on yet. */
  PENDING,
  /** Eviction accepted; waiting for the pod (this uid) to be gone. */
  EVICTING,
  /** Eviction refused (429) by a disruption budget; retried at {@code nextAttemptAt}. */
  BLOCKED,
  /** Deleted without eviction ({@code force}, no controller); waiting for it to be gone. */
  DELETING,
  /** The pod with this uid no longer exists (a replacement with the same name does not count). */
  GONE,
  /** Left on the node on purpose (DaemonSet, mirror, finished). */
  SKIPPED,
  /** Needs {@code force} or {@code deleteEmptyDirData}, which were not given. */
  REFUSED,
  /** The API refused the eviction for another reason; retried at {@code nextAttemptAt}. */
  FAILED
}
