package io.kubeward.backup.domain.restore;

/**
 * The order of a restore (ADR 0042): each stage is done (CRDs also Established) before the next
 * starts; objects of one stage are restored in parallel. Add, never rename or reorder.
 */
public enum RestoreStage {
  /** CustomResourceDefinitions, waited for until Established. */
  CRDS,
  /** Namespaces. */
  NAMESPACES,
  /**
   * What workloads depend on: service accounts, RBAC, ConfigMaps, Secrets, PVs and PVCs, storage
   * and priority classes, quotas and limit ranges.
   */
  FOUNDATION,
  /** Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, Pods. */
  WORKLOADS,
  /** Services and Ingresses. */
  NETWORK,
  /** Everything else, custom resources included. */
  REST
}
