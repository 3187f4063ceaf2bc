package io.kubeward.upgrade.domain;

import java.time.Instant;
import java.util.List;

/**
 * A cluster's readiness for a target minor: the control plane's version, the one-minor-at-a-time
 * path, the ordered steps and the overall verdict (the worst step's).
 */
public record ReadinessReport(
    String cluster,
    String controlPlaneVersion,
    KubeMinor current,
    KubeMinor target,
    List<KubeMinor> path,
    List<Step> steps,
    Instant generatedAt) {

  public ReadinessReport {
    path = List.copyOf(path);
    steps = List.copyOf(steps);
  }

  public Status overall() {
    Status s = Status.PASS;
    for (Step step : steps) {
      s = s.worst(step.status());
    }
    return s;
  }
}
