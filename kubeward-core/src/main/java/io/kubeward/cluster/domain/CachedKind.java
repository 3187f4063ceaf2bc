package io.kubeward.cluster.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds the shared cache keeps, by the plural name used in URLs. Other kinds (CRDs included)
 * are found through discovery and read on demand.
 */
public enum CachedKind {
  NODES("v1", "Node", false),
  NAMESPACES("v1", "Namespace", false),
  PODS("v1", "Pod", true),
  DEPLOYMENTS("apps/v1", "Deployment", true),
  REPLICASETS("apps/v1", "ReplicaSet", true),
  STATEFULSETS("apps/v1", "StatefulSet", true),
  DAEMONSETS("apps/v1", "DaemonSet", true),
  JOBS("batch/v1", "Job", true),
  CRONJOBS("batch/v1", "CronJob", true),
  SERVICES("v1", "Service", true),
  ENDPOINTSLICES("discovery.k8s.io/v1", "EndpointSlice", true),
  INGRESSES("networking.k8s.io/v1", "Ingress", true),
  PERSISTENTVOLUMECLAIMS("v1", "PersistentVolumeClaim", true),
  PERSISTENTVOLUMES("v1", "PersistentVolume", false),
  STORAGECLASSES("storage.k8s.io/v1", "StorageClass", false),
  EVENTS("v1", "Event", true),
  HORIZONTALPODAUTOSCALERS("autoscaling/v2", "HorizontalPodAutoscaler", true),
  PODDISRUPTIONBUDGETS("policy/v1", "PodDisruptionBudget", true),
  RESOURCEQUOTAS("v1", "ResourceQuota", true),
  LIMITRANGES("v1", "LimitRange", true),
  CONFIGMAPS("v1", "ConfigMap", true),
  /** Metadata only: the cache never receives a secret's data. */
  SECRETS("v1", "Secret", true);

  private final String apiVersion;
  private final String kind;
  private final boolean namespaced;

  CachedKind(String apiVersion, String kind, boolean namespaced) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.namespaced = namespaced;
  }

  /** The plural resource name ({@code pods}), as used in URLs. */
  public String plural() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** The Kubernetes kind ({@code Pod}). */
  public String kind() {
    return kind;
  }

  public boolean namespaced() {
    return namespaced;
  }

  public static Optional<CachedKind> byPlural(String plural) {
    for (CachedKind candidate : values()) {
      if (candidate.plural().equals(plural)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
