package io.kubeward.maintenance.domain;

/** What happens to a node once it is drained, before it is made schedulable again. */
public enum ActionType {
  /** Nothing: the node goes on to the readiness check. */
  None,
  /** Waits until the node's condition {@code conditionType} is True. */
  WaitForCondition,
  /** Waits until the node carries the annotation ({@code key} or {@code key=value}). */
  WaitForAnnotation,
  /** Runs a Job pinned to the node and waits for it to succeed. */
  Job,
  /** Waits {@code duration}, measured from the step's recorded start. */
  Wait
}
