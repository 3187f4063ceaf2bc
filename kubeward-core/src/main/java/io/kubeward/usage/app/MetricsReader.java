package io.kubeward.usage.app;

import io.kubeward.usage.domain.MetricsSnapshot;

/**
 * Port: reads a cluster's metrics API ({@code metrics.k8s.io} nodes and pods) once, with Kubeward's
 * own identity. It never fails for the metrics API's sake: a missing, unavailable, forbidden or
 * slow metrics API is a snapshot without numbers ({@link
 * io.kubeward.usage.domain.MetricsSource.Kind#NONE}) with the reason.
 */
public interface MetricsReader {

  /**
   * @throws io.kubeward.cluster.app.ClusterNotFoundException if there is no such cluster
   */
  MetricsSnapshot read(String cluster);
}
