package io.kubeward.usage.domain;

import io.kubeward.access.domain.NamespaceVisibility;
import java.util.Objects;

/**
 * What one caller may see of usage, as Kubernetes answers for their identity (ADR 0013, 0019):
 * nodes (allocatable, node rows) with {@code list nodes}; node usage with {@code list
 * metrics.k8s.io nodes}; pods (requests, limits) and pods' usage per namespace with {@code list
 * pods} and {@code list metrics.k8s.io pods}; quotas with {@code list resourcequotas}.
 */
public record UsageVisibility(
    boolean nodes,
    boolean nodeMetrics,
    NamespaceVisibility pods,
    NamespaceVisibility podMetrics,
    NamespaceVisibility quotas) {

  public UsageVisibility {
    Objects.requireNonNull(pods, "pods");
    Objects.requireNonNull(podMetrics, "podMetrics");
    Objects.requireNonNull(quotas, "quotas");
  }

  /** Everything (Kubeward itself, benchmarks). */
  public static final UsageVisibility ALL =
      new UsageVisibility(
          true, true, NamespaceVisibility.ALL, NamespaceVisibility.ALL, NamespaceVisibility.ALL);

  /** Whether the usage of pods in {@code namespace} may be shown. */
  public boolean podUsage(String namespace) {
    return pods.includes(namespace) && podMetrics.includes(namespace);
  }
}
