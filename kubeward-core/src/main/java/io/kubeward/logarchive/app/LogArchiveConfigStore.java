package io.kubeward.logarchive.app;

import io.kubeward.logarchive.domain.LogArchiveSettings;
import java.time.Instant;
import java.util.Optional;

/** Port: each cluster's log archive settings, the secret encrypted at rest. */
public interface LogArchiveConfigStore {

  record Stored(String cluster, LogArchiveSettings settings, String updatedBy, Instant updatedAt) {}

  Optional<Stored> find(String cluster);

  void save(Stored stored);

  /**
   * @return whether there was one
   */
  boolean delete(String cluster);
}
