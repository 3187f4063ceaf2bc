package io.kubeward.server.controllers;

import io.kubeward.runtime.domain.RetryPolicy;
import io.kubeward.runtime.kube.RuntimeSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The controller runtime ({@code kubeward.controllers.*}, ADR 0014); validated when bound.
 *
 * @param namespace where the leader-election Lease lives in every cluster; created if absent
 * @param leaseName the leader-election Lease (one per cluster for all controllers)
 * @param leaseDuration leader election: how long a leader's Lease is valid
 * @param renewDeadline leader election: how long the leader tries to renew before it gives up
 * @param retryPeriod leader election: time between attempts
 * @param retryBase first delay after a failed reconcile (doubled on each further failure)
 * @param retryMax longest delay between retries of a failing object
 * @param installCrds server-side apply Kubeward's CRDs (needs the permission), else only check
 * @param crdEstablishTimeout how long one check waits for a CRD to be Established (in the
 *     background, never on a request)
 * @param clusterSyncInterval how often clusters added or removed at runtime are picked up and CRDs
 *     that are not available are checked again
 * @param requestWait the longest a request waits for a CRD check under way (a cluster just added)
 *     before answering 503; at most 10 s
 */
@ConfigurationProperties("kubeward.controllers")
public record ControllersProperties(
    @DefaultValue("kubeward-system") String namespace,
    @DefaultValue("kubeward-controllers") String leaseName,
    @DefaultValue("15s") Duration leaseDuration,
    @DefaultValue("10s") Duration renewDeadline,
    @DefaultValue("2s") Duration retryPeriod,
    @DefaultValue("1s") Duration retryBase,
    @DefaultValue("5m") Duration retryMax,
    @DefaultValue("true") boolean installCrds,
    @DefaultValue("30s") Duration crdEstablishTimeout,
    @DefaultValue("15s") Duration clusterSyncInterval,
    @DefaultValue("5s") Duration requestWait) {

  private static final String NAME = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
  static final Duration MAX_REQUEST_WAIT = Duration.ofSeconds(10);

  public ControllersProperties {
    if (namespace == null || !namespace.matches(NAME)) {
      throw new IllegalArgumentException("namespace must be a namespace name, is " + namespace);
    }
    if (leaseName == null || !leaseName.matches(NAME)) {
      throw new IllegalArgumentException("lease-name must be a Lease name, is " + leaseName);
    }
    positive("crd-establish-timeout", crdEstablishTimeout);
    positive("cluster-sync-interval", clusterSyncInterval);
    if (requestWait == null
        || requestWait.isNegative()
        || requestWait.compareTo(MAX_REQUEST_WAIT) > 0) {
      throw new IllegalArgumentException(
          "request-wait must be between 0 and 10s, is " + requestWait);
    }
    new RuntimeSettings.Election(leaseDuration, renewDeadline, retryPeriod);
    new RetryPolicy(retryBase, retryMax);
  }

  private static void positive(String name, Duration value) {
    if (value == null || !value.isPositive()) {
      throw new IllegalArgumentException(name + " must be positive, is " + value);
    }
  }

  public RuntimeSettings settings() {
    return new RuntimeSettings(
        namespace,
        leaseName,
        new RuntimeSettings.Election(leaseDuration, renewDeadline, retryPeriod),
        new RetryPolicy(retryBase, retryMax),
        installCrds,
        crdEstablishTimeout);
  }
}
