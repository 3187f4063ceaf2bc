package io.kubeward.diagnostics.app;

import io.kubeward.diagnostics.domain.Finding;

/**
 * Port for whoever acts on findings (alerting): called on the engine's thread of the cluster, in
 * order, for every finding this replica opens, updates (what users read changed) and resolves.
 * Every replica evaluates every cluster, so a listener that notifies people should act only where
 * this replica leads the cluster ({@code ControllerRuntime.leading}). Must not block for long and
 * must not throw (a failure is logged and the next listener called).
 */
public interface FindingListener {

  default void opened(Finding finding) {}

  default void updated(Finding finding) {}

  default void resolved(Finding finding) {}
}
