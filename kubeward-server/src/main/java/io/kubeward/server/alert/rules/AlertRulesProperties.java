package io.kubeward.server.alert.rules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert rules ({@code kubeward.alerting.rules.*}); validated when bound.
 *
 * @param enabled run the AlertRule and ClusterAlertRule controllers (else no rule is evaluated)
 * @param defaultRules create the default rule set in each cluster (once per rule, ADR 0030)
 * @param maxSamples samples one evaluation of one rule yields at most
 * @param upkeepInterval how often the rule set follows the controllers (lead lost: dropped; a
 *     controller started: defaults ensured)
 * @param certificateTimeout how long reading the apiserver's certificate may take
 * @param certificateCacheFor how long a read certificate is reused
 */
@ConfigurationProperties("kubeward.alerting.rules")
public record AlertRulesProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean defaultRules,
    @DefaultValue("1000") int maxSamples,
    @DefaultValue("5s") Duration upkeepInterval,
    @DefaultValue("5s") Duration certificateTimeout,
    @DefaultValue("10m") Duration certificateCacheFor) {

  public AlertRulesProperties {
    if (maxSamples < 1 || maxSamples > 100_000) {
      throw new IllegalArgumentException("max-samples must lie between 1 and 100000");
    }
    between("upkeep-interval", upkeepInterval, Duration.ofMillis(100), Duration.ofMinutes(10));
    between(
        "certificate-timeout", certificateTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
    between("certificate-cache-for", certificateCacheFor, Duration.ZERO, Duration.ofDays(1));
  }

  private static void between(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must lie between " + min + " and " + max + ", is " + value);
    }
  }
}
