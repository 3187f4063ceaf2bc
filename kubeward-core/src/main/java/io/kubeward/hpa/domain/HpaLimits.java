package io.kubeward.hpa.domain;

/**
 * The bounds Kubeward accepts: {@code maxReplicas} up to {@code replicaCap}; at most {@code
 * maxMetrics} metrics and {@code maxPolicies} policies per direction.
 */
public record HpaLimits(int replicaCap, int maxMetrics, int maxPolicies) {

  public static final HpaLimits DEFAULT = new HpaLimits(1000, 10, 10);

  /** Utilisation targets, percent of the request. */
  public static final int MIN_UTILIZATION = 1;

  public static final int MAX_UTILIZATION = 1000;

  /** Kubernetes' own bound on a stabilization window and a policy period. */
  public static final int MAX_WINDOW_SECONDS = 3600;

  public static final int MAX_PERIOD_SECONDS = 1800;

  public static final int MAX_POLICY_VALUE = 10000;
}
