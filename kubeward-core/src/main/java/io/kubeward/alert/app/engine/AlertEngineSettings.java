package io.kubeward.alert.app.engine;

import java.time.Duration;

/**
 * The engine's timing (validated by the server's {@code AlertEngineProperties}).
 *
 * @param evaluationInterval every cluster's rules are evaluated this often where this replica leads
 *     the cluster
 * @param nudgeDebounce after a finding or node health event, the cluster is evaluated this much
 *     later (events within it make one evaluation)
 * @param historyRetention history entries are kept this long
 * @param resolvedRetention resolved alerts stay in the alert list this long
 * @param clusterUnreachableFor a cluster unreachable this long raises {@code
 *     kubeward:cluster-unreachable}
 * @param siteLeaseDuration the site leader's lease lasts this long without renewal
 * @param siteLeaseRenew the site leader renews (and others try to take) the lease this often
 */
public record AlertEngineSettings(
    Duration evaluationInterval,
    Duration nudgeDebounce,
    Duration historyRetention,
    Duration resolvedRetention,
    Duration clusterUnreachableFor,
    Duration siteLeaseDuration,
    Duration siteLeaseRenew) {

  public static AlertEngineSettings defaults() {
    return new AlertEngineSettings(
        Duration.ofSeconds(15),
        Duration.ofMillis(300),
        Duration.ofDays(30),
        Duration.ofHours(24),
        Duration.ofMinutes(3),
        Duration.ofSeconds(15),
        Duration.ofSeconds(5));
  }
}
