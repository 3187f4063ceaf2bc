package io.kubeward.runtime.domain;

/** Where a CRD Kubeward needs stands in one cluster. */
public enum CrdState {
  /** Not checked yet, or being installed or checked now. */
  Pending,
  /** Installed, Established and serving the version Kubeward uses. */
  Available,
  /** Not installed, and Kubeward may not install it. */
  Missing,
  /** Installed, but it does not serve the version Kubeward uses and Kubeward may not update it. */
  Outdated,
  /** The check failed (cluster unreachable, not Established in time, ...); retried. */
  Failed;

  public boolean usable() {
    return this == Available;
  }
}
