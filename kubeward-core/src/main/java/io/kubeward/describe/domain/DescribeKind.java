package io.kubeward.describe.domain;

import io.kubeward.cluster.domain.CachedKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds Kubeward describes, each with the cached kind it lists related objects of. */
public enum DescribeKind {
  POD(CachedKind.PODS, "po"),
  DEPLOYMENT(CachedKind.DEPLOYMENTS, "deploy"),
  STATEFULSET(CachedKind.STATEFULSETS, "sts"),
  DAEMONSET(CachedKind.DAEMONSETS, "ds"),
  REPLICASET(CachedKind.REPLICASETS, "rs"),
  JOB(CachedKind.JOBS, "job"),
  CRONJOB(CachedKind.CRONJOBS, "cj"),
  SERVICE(CachedKind.SERVICES, "svc"),
  INGRESS(CachedKind.INGRESSES, "ing"),
  PERSISTENTVOLUMECLAIM(CachedKind.PERSISTENTVOLUMECLAIMS, "pvc"),
  PERSISTENTVOLUME(CachedKind.PERSISTENTVOLUMES, "pv"),
  NODE(CachedKind.NODES, "no"),
  HORIZONTALPODAUTOSCALER(CachedKind.HORIZONTALPODAUTOSCALERS, "hpa");

  private final CachedKind cached;
  private final String shortName;

  DescribeKind(CachedKind cached, String shortName) {
    this.cached = cached;
    this.shortName = shortName;
  }

  /** The Kubernetes kind, e.g. {@code Deployment}. */
  public String kind() {
    return cached.kind();
  }

  public String plural() {
    return cached.plural();
  }

  public String apiVersion() {
    return cached.apiVersion();
  }

  public boolean namespaced() {
    return cached.namespaced();
  }

  public CachedKind cached() {
    return cached;
  }

  /**
   * The kind named by {@code text}: its kind ({@code Deployment}, any case), plural ({@code
   * deployments}) or kubectl's short name ({@code deploy}).
   */
  public static Optional<DescribeKind> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(
            k ->
                k.kind().toLowerCase(Locale.ROOT).equals(lower)
                    || k.plural().equals(lower)
                    || k.shortName.equals(lower))
        .findFirst();
  }

  /** The kinds as users name them ({@code Pod}, {@code Deployment}, ...). */
  public static List<String> supported() {
    return Arrays.stream(values()).map(DescribeKind::kind).toList();
  }
}
