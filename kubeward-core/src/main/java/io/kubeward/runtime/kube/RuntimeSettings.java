package io.kubeward.runtime.kube;

import io.kubeward.runtime.domain.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the controller runtime (the server binds {@code kubeward.controllers.*}).
 *
 * @param namespace where the leader-election Lease lives in every cluster (created if absent)
 * @param leaseName the leader-election Lease: one per cluster for all controllers
 * @param election leader-election timing
 * @param retry backoff of failed reconciles
 * @param installCrds server-side apply Kubeward's CRDs (else only check them)
 * @param crdEstablishTimeout how long one check waits for a CRD to be Established
 */
public record RuntimeSettings(
    String namespace,
    String leaseName,
    Election election,
    RetryPolicy retry,
    boolean installCrds,
    Duration crdEstablishTimeout) {

  /** Leader election timing; the lease duration must exceed the renew deadline. */
  public record Election(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    public Election {
      Objects.requireNonNull(leaseDuration, "leaseDuration");
      Objects.requireNonNull(renewDeadline, "renewDeadline");
      Objects.requireNonNull(retryPeriod, "retryPeriod");
      if (!leaseDuration.minus(renewDeadline).isPositive()
          || !retryPeriod.isPositive()
          || !renewDeadline.minus(retryPeriod).isPositive()) {
        throw new IllegalArgumentException(
            "leader election needs leaseDuration > renewDeadline > retryPeriod > 0");
      }
    }
  }

  public RuntimeSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(retry, "retry");
    if (crdEstablishTimeout == null || !crdEstablishTimeout.isPositive()) {
      throw new IllegalArgumentException("crdEstablishTimeout must be positive");
    }
  }
}
