package io.kubeward.history.app;

import io.kubeward.history.domain.PrometheusSettings;
import java.time.Instant;
import java.util.Optional;

/** Port: each cluster's Prometheus settings, secrets encrypted at rest. */
public interface PrometheusConfigStore {

  /** Settings with who saved them and when. */
  record Stored(String cluster, PrometheusSettings settings, String updatedBy, Instant updatedAt) {}

  Optional<Stored> find(String cluster);

  void save(Stored stored);

  /**
   * @return whether there was one
   */
  boolean delete(String cluster);
}
