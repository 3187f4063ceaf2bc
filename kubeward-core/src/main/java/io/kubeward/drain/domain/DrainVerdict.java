package io.kubeward.drain.domain;

/** Whether the node can be drained with the given options. */
public enum DrainVerdict {
  /** Every pod is evicted or skipped at once. */
  CAN_DRAIN_NOW,
  /** Some pods wait for their disruption budgets; the drain takes longer. */
  WILL_WAIT,
  /** Some pods need {@code force} or {@code deleteEmptyDirData}; nothing is evicted. */
  REFUSED
}
