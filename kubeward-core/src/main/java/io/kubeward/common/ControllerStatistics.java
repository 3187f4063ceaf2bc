package io.kubeward.common;

/**
 * What a running controller tells about itself, read live (for metrics): one object per controller
 * and cluster. Plain getters, no framework, so that every controller runtime can expose it.
 */
public interface ControllerStatistics {

  /** The controller's name ({@code maintenance}). */
  String controller();

  /** The cluster it reconciles in. */
  String cluster();

  /** Whether this replica leads it (only the leader reconciles). */
  boolean leading();

  /** How many keys wait in its work queue (due now or later). */
  int queueDepth();

  /** How many reconciles have run (successful or not). */
  long reconciles();

  /** How many reconciles ended in an error (and were requeued). */
  long reconcileErrors();

  /** The controllers a component runs now; clusters come and go, so callers ask again. */
  interface Source {
    Iterable<? extends ControllerStatistics> controllerStatistics();
  }
}
