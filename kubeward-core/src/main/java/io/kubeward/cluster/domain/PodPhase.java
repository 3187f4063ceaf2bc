package io.kubeward.cluster.domain;

/** The Kubernetes pod phase. */
public enum PodPhase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  UNKNOWN("Unknown");

  private final String kubernetesName;

  PodPhase(String kubernetesName) {
    this.kubernetesName = kubernetesName;
  }

  /** The name Kubernetes uses ({@code Running}). */
  public String kubernetesName() {
    return kubernetesName;
  }

  /** Parses a phase as Kubernetes writes it; anything unknown or missing is {@link #UNKNOWN}. */
  public static PodPhase parse(String phase) {
    for (PodPhase candidate : values()) {
      if (candidate.kubernetesName.equals(phase)) {
        return candidate;
      }
    }
    return UNKNOWN;
  }
}
