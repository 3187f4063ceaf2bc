package io.kubeward.drain.domain;

/** What a drain does with one pod of the node. */
public enum PodFate {
  /** Evicted through the Eviction API now (or deleted, for a pod without controller with force). */
  EVICT,
  /** Left alone: its DaemonSet would put it back, and it tolerates the cordon. */
  SKIP_DAEMONSET,
  /** Left alone: a static pod's mirror, owned by the kubelet, not deletable through the API. */
  SKIP_MIRROR,
  /** Left alone: Succeeded or Failed, it holds no resources and nothing restarts it. */
  SKIP_FINISHED,
  /** Waits: its disruption budget allows no (further) disruption now. */
  BLOCKED_BY_PDB,
  /** Refused without {@code force}: no controller owns it, so it would not come back. */
  NEEDS_FORCE,
  /** Refused without {@code deleteEmptyDirData}: its emptyDir volume's data would be lost. */
  NEEDS_DELETE_EMPTYDIR
}
