package io.kubeward.usage.kube;

import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsList;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.usage.app.MetricsReader;
import io.kubeward.usage.app.UsageSettings;
import io.kubeward.usage.domain.MetricsProjection;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.MetricsSource;
import io.kubeward.usage.domain.MetricsSource.Reason;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code metrics.k8s.io/v1beta1} nodes and pods (all namespaces) with Kubeward's own client
 * ({@code client.top()}), each request bounded by {@code kubeward.usage.timeout} and not retried.
 * The apiserver's answer is translated once ({@link KubeErrors}) and becomes the reason of a
 * snapshot without numbers: 404 (no APIService) → {@code not-installed}, 5xx (the aggregator's 503
 * when metrics-server is down) → {@code unavailable}, 401/403 → {@code forbidden}, no answer in
 * time → {@code timed-out}, anything else → {@code failed}.
 */
public final class KubeMetricsReader implements MetricsReader {

  private static final Logger log = LoggerFactory.getLogger(KubeMetricsReader.class);

  private final ClusterClients clients;
  private final UsageSettings settings;
  private final Clock clock;

  public KubeMetricsReader(ClusterClients clients, UsageSettings settings, Clock clock) {
    this.clients = clients;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public MetricsSnapshot read(String cluster) {
    KubernetesClient kubeward = clients.kubeward(cluster);
    KubernetesClient client = bounded(kubeward);
    Instant started = clock.instant();
    try {
      NodeMetricsList nodes = client.top().nodes().metrics();
      PodMetricsList pods = client.top().pods().metrics();
      List<NodeMetrics> nodeItems =
          nodes == null || nodes.getItems() == null ? List.of() : nodes.getItems();
      List<PodMetrics> podItems =
          pods == null || pods.getItems() == null ? List.of() : pods.getItems();
      return MetricsProjection.snapshot(
          cluster, clock.instant(), nodeItems, podItems, settings.maxPods());
    } catch (KubernetesClientException e) {
      MetricsSource source = sourceOf(cluster, e);
      log.debug("No metrics from cluster {} ({}): {}", cluster, source.reason(), source.detail());
      return MetricsSnapshot.absent(cluster, source, started);
    } catch (RuntimeException e) {
      // a malformed answer that fabric8 could not read as metrics
      log.debug("Unreadable metrics from cluster {}", cluster, e);
      return MetricsSnapshot.absent(
          cluster, MetricsSource.none(Reason.FAILED, String.valueOf(e.getMessage())), started);
    }
  }

  /** Kubeward's client with this reader's timeout and without retries (shares its connections). */
  private KubernetesClient bounded(KubernetesClient kubeward) {
    RequestConfig config =
        new RequestConfigBuilder(kubeward.getConfiguration().getRequestConfig())
            .withRequestTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
            .withRequestRetryBackoffLimit(0)
            .build();
    return kubeward.newClient(config).adapt(KubernetesClient.class);
  }

  static MetricsSource sourceOf(String cluster, KubernetesClientException e) {
    String detail = KubeErrors.translate(cluster, e).getMessage();
    int code = e.getCode();
    Reason reason;
    if (code == 404) {
      reason = Reason.NOT_INSTALLED;
    } else if (code == 401 || code == 403) {
      reason = Reason.FORBIDDEN;
    } else if (code >= 500) {
      reason = Reason.UNAVAILABLE;
    } else if (isTimeout(e)) {
      reason = Reason.TIMED_OUT;
    } else {
      reason = Reason.FAILED;
    }
    return MetricsSource.none(reason, detail);
  }

  private static boolean isTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof SocketTimeoutException
          || t instanceof InterruptedIOException
          || t.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
    }
    return false;
  }
}
