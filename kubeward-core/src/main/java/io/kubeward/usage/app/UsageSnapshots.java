package io.kubeward.usage.app;

import io.kubeward.usage.domain.MetricsSnapshot;

/**
 * Port for whoever needs a cluster's live usage as Kubeward sees it (the usage use cases, the
 * built-in history sampler): the current metrics snapshot, read with Kubeward's own identity and
 * shared for at most {@code kubeward.usage.max-age} (ADR 0019). Unfiltered: a use case that shows
 * it to a person filters it for them ({@link GetUsage}).
 */
public interface UsageSnapshots {

  /**
   * The snapshot of {@code cluster}, at most max-age old (a missing metrics API is remembered for
   * {@code kubeward.usage.absent-for}); never fails for the metrics API's sake.
   *
   * @throws io.kubeward.cluster.app.ClusterNotFoundException if there is no such cluster
   */
  MetricsSnapshot current(String cluster);
}
