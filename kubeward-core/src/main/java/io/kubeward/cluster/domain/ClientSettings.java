package io.kubeward.cluster.domain;

import java.time.Duration;

/**
 * Limits of the Kubernetes client of one cluster. fabric8 has no client-side QPS limiter (unlike
 * client-go's 5 QPS / burst 10); what bounds it is the number of requests in flight, which we raise
 * from fabric8's defaults (64, and 5 per host) so that many informers plus interactive requests do
 * not queue behind each other on a big cluster.
 *
 * @param maxConcurrentRequests requests in flight over all hosts (default 256)
 * @param maxConcurrentRequestsPerHost requests in flight to one apiserver (default 128)
 * @param requestTimeout timeout of one ordinary request (default 30s)
 * @param watchReconnectInterval first back-off step of a watch reconnect; fabric8 doubles it up to
 *     32 times this (default 1s)
 */
public record ClientSettings(
    int maxConcurrentRequests,
    int maxConcurrentRequestsPerHost,
    Duration requestTimeout,
    Duration watchReconnectInterval) {

  public ClientSettings {
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "max-concurrent-requests must be at least 1, but was " + maxConcurrentRequests);
    }
    if (maxConcurrentRequestsPerHost < 1 || maxConcurrentRequestsPerHost > maxConcurrentRequests) {
      throw new IllegalArgumentException(
          "max-concurrent-requests-per-host must be between 1 and max-concurrent-requests ("
              + maxConcurrentRequests
              + "), but was "
              + maxConcurrentRequestsPerHost);
    }
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException(
          "request-timeout must be more than 0s, but was " + requestTimeout);
    }
    if (watchReconnectInterval == null
        || watchReconnectInterval.toMillis() < 100
        || watchReconnectInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "watch-reconnect-interval must be between 100ms and 1m, but was "
              + watchReconnectInterval);
    }
  }

  public static ClientSettings defaults() {
    return new ClientSettings(256, 128, Duration.ofSeconds(30), Duration.ofSeconds(1));
  }
}
