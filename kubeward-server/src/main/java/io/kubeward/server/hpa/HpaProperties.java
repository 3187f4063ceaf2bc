package io.kubeward.server.hpa;

import io.kubeward.hpa.domain.HpaLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HPA management ({@code kubeward.hpa.*}); a bad value stops the start.
 *
 * @param maxReplicas the largest {@code maxReplicas} Kubeward accepts (1 to 100000)
 * @param maxMetrics the most metrics one HPA may have (1 to 50)
 * @param maxPolicies the most scaling policies per direction (1 to 50)
 */
@ConfigurationProperties("kubeward.hpa")
public record HpaProperties(
    @DefaultValue("1000") int maxReplicas,
    @DefaultValue("10") int maxMetrics,
    @DefaultValue("10") int maxPolicies) {

  public HpaProperties {
    if (maxReplicas < 1 || maxReplicas > 100_000) {
      throw new IllegalArgumentException("kubeward.hpa.max-replicas must be between 1 and 100000");
    }
    if (maxMetrics < 1 || maxMetrics > 50) {
      throw new IllegalArgumentException("kubeward.hpa.max-metrics must be between 1 and 50");
    }
    if (maxPolicies < 1 || maxPolicies > 50) {
      throw new IllegalArgumentException("kubeward.hpa.max-policies must be between 1 and 50");
    }
  }

  HpaLimits limits() {
    return new HpaLimits(maxReplicas, maxMetrics, maxPolicies);
  }
}
