package io.kubeward.exec.app;

import java.time.Instant;
import java.util.Optional;

/** Port: each cluster's exec switch; a cluster without a row has exec and port-forward enabled. */
public interface ExecSettingsStore {

  /** Whether exec and port-forward are enabled, who last changed it and when. */
  record Stored(String cluster, boolean enabled, String updatedBy, Instant updatedAt) {}

  Optional<Stored> find(String cluster);

  void save(Stored stored);
}
