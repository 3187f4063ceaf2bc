package io.kubeward.rightsizing.app;

import io.kubeward.rightsizing.domain.RightsizingPolicy;

/**
 * Right-sizing's configuration ({@code kubeward.rightsizing.*}).
 *
 * @param policy how recommendations are computed
 * @param maxContainers the most containers one list computes (1..5000)
 */
public record RightsizingSettings(RightsizingPolicy policy, int maxContainers) {

  public RightsizingSettings {
    if (policy == null) {
      throw new IllegalArgumentException("policy is required");
    }
    if (maxContainers < 1 || maxContainers > 5000) {
      throw new IllegalArgumentException(
          "max-containers must be between 1 and 5000, is " + maxContainers);
    }
  }

  public static RightsizingSettings defaults() {
    return new RightsizingSettings(RightsizingPolicy.defaults(), 500);
  }
}
