package io.kubeward.server.config;

import io.kubeward.cluster.domain.ClientSettings;
import io.kubeward.cluster.domain.ProbeSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kubeward's settings ({@code kubeward.*}). Each nested record validates itself when bound, so a
 * bad value stops the start with the property's name and the reason.
 *
 * @param kubeconfig kubeconfig file of the cluster ({@code --kubeconfig}); unset: in-cluster config
 *     when running in a pod, else {@code KUBECONFIG} or {@code ~/.kube/config}
 * @param context kubeconfig context ({@code --context}); unset: the current-context
 * @param clusterName the cluster's name in Kubeward and in URLs; unset: the context's name, or
 *     {@code in-cluster}
 */
@ConfigurationProperties("kubeward")
public record KubewardProperties(
    String kubeconfig,
    String context,
    String clusterName,
    @DefaultValue Probe probe,
    @DefaultValue Client client,
    @DefaultValue Security security,
    @DefaultValue Access access) {

  /** The kubeconfig path with a leading {@code ~} expanded, or {@code null}. */
  public Path kubeconfigPath() {
    if (kubeconfig == null || kubeconfig.isBlank()) {
      return null;
    }
    if (kubeconfig.equals("~") || kubeconfig.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + kubeconfig.substring(1));
    }
    return Path.of(kubeconfig);
  }

  /**
   * Reachability probe ({@code kubeward.probe.*}).
   *
   * @param interval time between probes, 1s to 1h
   * @param timeout time one probe may take, more than 0 and at most the interval; unset: 5s, or the
   *     interval if that is shorter
   */
  public record Probe(@DefaultValue("10s") Duration interval, Duration timeout) {
    public Probe {
      ProbeSettings valid = new ProbeSettings(interval, timeout);
      interval = valid.interval();
      timeout = valid.timeout();
    }

    public ProbeSettings settings() {
      return new ProbeSettings(interval, timeout);
    }
  }

  /**
   * Kubernetes client limits ({@code kubeward.client.*}); see {@link ClientSettings}.
   *
   * @param maxConcurrentRequests requests in flight over all hosts
   * @param maxConcurrentRequestsPerHost requests in flight to one apiserver
   * @param requestTimeout timeout of one request
   * @param watchReconnectInterval first back-off step of a watch reconnect
   */
  public record Client(
      @DefaultValue("256") int maxConcurrentRequests,
      @DefaultValue("128") int maxConcurrentRequestsPerHost,
      @DefaultValue("30s") Duration requestTimeout,
      @DefaultValue("1s") Duration watchReconnectInterval) {
    public Client {
      settingsOf(
          maxConcurrentRequests,
          maxConcurrentRequestsPerHost,
          requestTimeout,
          watchReconnectInterval);
    }

    public ClientSettings settings() {
      return settingsOf(
          maxConcurrentRequests,
          maxConcurrentRequestsPerHost,
          requestTimeout,
          watchReconnectInterval);
    }

    private static ClientSettings settingsOf(
        int max, int perHost, Duration requestTimeout, Duration watchReconnectInterval) {
      return new ClientSettings(max, perHost, requestTimeout, watchReconnectInterval);
    }
  }

  /**
   * How Kubeward asks clusters what a user may see ({@code kubeward.access.*}, ADR 0013).
   *
   * @param reviewTtl how long an access review's answer is reused, 0s to 10m (answers are dropped
   *     at once when the cluster's RBAC objects or namespaces change)
   * @param maxReviews answers kept at most, 100 to 10,000,000
   * @param reviewParallelism access reviews in flight per question over many namespaces, 1 to 64
   * @param checkInterval how often each cluster checks whether Kubeward may impersonate users there
   *     (besides at start and after every outage), 1s to 1h: a cluster that grants or withdraws
   *     impersonation leaves or enters the read-only mode within this time
   */
  public record Access(
      @DefaultValue("30s") Duration reviewTtl,
      @DefaultValue("100000") int maxReviews,
      @DefaultValue("8") int reviewParallelism,
      @DefaultValue("1m") Duration checkInterval) {
    public static final Duration MIN_CHECK_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_CHECK_INTERVAL = Duration.ofHours(1);

    public Access {
      settings(reviewTtl, maxReviews);
      if (reviewParallelism < 1 || reviewParallelism > 64) {
        throw new IllegalArgumentException("review-parallelism must be from 1 to 64");
      }
      if (checkInterval == null
          || checkInterval.compareTo(MIN_CHECK_INTERVAL) < 0
          || checkInterval.compareTo(MAX_CHECK_INTERVAL) > 0) {
        throw new IllegalArgumentException(
            "check-interval must be from 1s to 1h, but was " + checkInterval);
      }
    }

    public io.kubeward.access.app.CachedAccessReviews.Settings reviews() {
      return settings(reviewTtl, maxReviews);
    }

    private static io.kubeward.access.app.CachedAccessReviews.Settings settings(
        Duration ttl, int max) {
      return new io.kubeward.access.app.CachedAccessReviews.Settings(ttl, max);
    }
  }

  /**
   * Access ({@code kubeward.security.*}).
   *
   * @param adminPassword password of the {@code admin} user, used on the first start only, at least
   *     12 characters; unset: a random one is generated and printed once to standard output (never
   *     logged)
   */
  public record Security(String adminPassword) {
    public static final int MIN_PASSWORD_LENGTH = 12;

    public Security {
      if (adminPassword != null && adminPassword.length() < MIN_PASSWORD_LENGTH) {
        throw new IllegalArgumentException(
            "admin-password must have at least " + MIN_PASSWORD_LENGTH + " characters");
      }
    }

    @Override
    public String toString() {
      return "Security[adminPassword=" + (adminPassword == null ? "unset" : "***") + "]";
    }
  }
}
