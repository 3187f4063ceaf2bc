package io.kubeward.upgrade.domain;

import java.util.Optional;

/**
 * Whether a PodDisruptionBudget would stop a node rotation (every node drained in turn): it allows
 * no disruption while it protects pods. Pure; the reason names the cause a user can fix.
 */
public final class RotationBlockers {

  private RotationBlockers() {}

  /** Why the budget blocks a drain, as a finding code; empty when it does not. */
  public static Optional<String> reason(UpgradeFacts.PdbFacts pdb) {
    if (pdb.disruptionsAllowed() > 0 || pdb.expectedPods() == 0) {
      return Optional.empty();
    }
    if (isZero(pdb.maxUnavailable())) {
      return Optional.of("pdb-max-unavailable-zero");
    }
    if (pdb.currentHealthy() < pdb.desiredHealthy()) {
      return Optional.of("pdb-unhealthy-pods");
    }
    if (pdb.minAvailable() != null && pdb.desiredHealthy() >= pdb.expectedPods()) {
      return Optional.of("pdb-min-available-all");
    }
    return Optional.of("pdb-no-disruption-allowed");
  }

  private static boolean isZero(String value) {
    return value != null && (value.equals("0") || value.equals("0%"));
  }
}
