package io.kubeward.posture.domain;

import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Objects;

/**
 * A workload's pod template, judged once per workload (not per replica): a Deployment, StatefulSet,
 * DaemonSet, Job (not run by a CronJob), CronJob, or a Pod no controller owns.
 */
public record Workload(String kind, String namespace, String name, PodSpec spec) {

  public Workload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    spec = spec == null ? new PodSpec() : spec;
  }

  public Subject subject() {
    return new Subject(kind, namespace, name);
  }

  /** Jobs and CronJobs run to completion: probes do not apply to them. */
  public boolean runsToCompletion() {
    return "Job".equals(kind) || "CronJob".equals(kind);
  }
}
