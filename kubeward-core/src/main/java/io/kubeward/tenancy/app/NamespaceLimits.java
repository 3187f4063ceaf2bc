package io.kubeward.tenancy.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.audit.app.AuditedAction.Outcome;
import io.kubeward.audit.app.AuditedAction.Target;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.common.Names;
import io.kubeward.tenancy.domain.LimitRangeSpec;
import io.kubeward.tenancy.domain.LimitViolations;
import io.kubeward.tenancy.domain.LimitsPreview;
import io.kubeward.tenancy.domain.QuantityBounds;
import io.kubeward.tenancy.domain.QuotaUsage;
import io.kubeward.tenancy.domain.TeamSpacePlan;
import io.kubeward.tenancy.domain.TenancyException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Use cases: a namespace's quota utilisation (from the shared cache), the violation preview of a
 * proposed ResourceQuota or LimitRange over the namespace's pods (from the cache), and applying
 * them as the caller (server-side apply, audited as {@code tenancy.quota} / {@code
 * tenancy.limits}).
 */
public final class NamespaceLimits {

  public static final String QUOTA = "tenancy.quota";
  public static final String LIMITS = "tenancy.limits";

  private final ClusterReads reads;
  private final AuditedAction audited;
  private final TeamSpaceGateway gateway;

  public NamespaceLimits(ClusterReads reads, AuditedAction audited, TeamSpaceGateway gateway) {
    this.reads = reads;
    this.audited = audited;
    this.gateway = gateway;
  }

  /** The quotas of every namespace the caller may list quotas in (or only {@code namespace}). */
  public List<QuotaUsage> usage(Caller caller, String cluster, String namespace) {
    ManagedCluster managed = reads.ready(cluster, EnumSet.of(CachedKind.RESOURCEQUOTAS));
    NamespaceVisibility visible = reads.visible(caller, managed, CachedKind.RESOURCEQUOTAS);
    List<QuotaUsage> out = new ArrayList<>();
    for (KubeObjectView view : managed.views(CachedKind.RESOURCEQUOTAS).all()) {
      ObjectView quota = (ObjectView) view;
      if (!visible.includes(quota.namespace())
          || (namespace != null && !namespace.equals(quota.namespace()))) {
        continue;
      }
      out.add(usage(quota));
    }
    out.sort((a, b) -> (a.namespace() + "/" + a.name()).compareTo(b.namespace() + "/" + b.name()));
    return out;
  }

  static QuotaUsage usage(ObjectView quota) {
    Map<String, String> hard = strings(quota.fields().get("hard"));
    Map<String, String> used = strings(quota.fields().get("used"));
    List<QuotaUsage.Line> lines = new ArrayList<>();
    hard.forEach(
        (resource, value) -> {
          String now = used.getOrDefault(resource, "0");
          double percent;
          try {
            long limit = QuantityBounds.millisOrUnits(resource, value);
            long current = QuantityBounds.millisOrUnits(resource, now);
            percent = limit == 0 ? -1 : Math.round(current * 1000.0 / limit) / 10.0;
          } catch (RuntimeException e) {
            percent = -1;
          }
          lines.add(new QuotaUsage.Line(resource, now, value, percent));
        });
    return new QuotaUsage(quota.namespace(), quota.name(), lines);
  }

  public LimitsPreview previewQuota(
      Caller caller, String cluster, String namespace, Map<String, String> hard) {
    Map<String, String> checked = QuantityBounds.check("hard", hard);
    if (checked.isEmpty()) {
      throw TenancyException.invalid("hard", "name at least one resource");
    }
    ManagedCluster managed = visibleNamespace(caller, cluster, namespace);
    List<PodView> pods = podsIn(managed, namespace);
    return new LimitsPreview(
        managed.name(),
        namespace,
        pods.size(),
        LimitViolations.quota(checked, used(managed, namespace), pods, workloads(managed)));
  }

  public LimitsPreview previewLimitRange(
      Caller caller, String cluster, String namespace, LimitRangeSpec spec) {
    ManagedCluster managed = visibleNamespace(caller, cluster, namespace);
    List<PodView> pods = podsIn(managed, namespace);
    return new LimitsPreview(
        managed.name(),
        namespace,
        pods.size(),
        LimitViolations.limitRange(spec, pods, workloads(managed)));
  }

  /** Applies the team quota ({@code team-quota}) as the caller; returns the audit number. */
  public long applyQuota(
      Caller caller, String cluster, String namespace, Map<String, String> hard) {
    Map<String, String> checked = QuantityBounds.check("hard", hard);
    if (checked.isEmpty()) {
      throw TenancyException.invalid("hard", "name at least one resource");
    }
    ManagedCluster managed = reads.known(cluster);
    requireNamespace(namespace);
    Target target = new Target(managed.name(), namespace, "ResourceQuota", TeamSpacePlan.QUOTA);
    return audited
        .runRecorded(
            caller,
            Verb.MUTATE,
            target,
            QUOTA,
            () -> {
              gateway.apply(caller, managed.name(), TeamSpacePlan.quota(namespace, checked), false);
              return new Outcome<>(true, "hard: " + checked);
            })
        .auditId();
  }

  /** Applies the team limit range ({@code team-limits}) as the caller; returns the audit number. */
  public long applyLimitRange(
      Caller caller, String cluster, String namespace, LimitRangeSpec spec) {
    ManagedCluster managed = reads.known(cluster);
    requireNamespace(namespace);
    Target target = new Target(managed.name(), namespace, "LimitRange", TeamSpacePlan.LIMITS);
    return audited
        .runRecorded(
            caller,
            Verb.MUTATE,
            target,
            LIMITS,
            () -> {
              gateway.apply(
                  caller, managed.name(), TeamSpacePlan.limitRange(namespace, spec), false);
              return new Outcome<>(true, spec.toString());
            })
        .auditId();
  }

  private ManagedCluster visibleNamespace(Caller caller, String cluster, String namespace) {
    requireNamespace(namespace);
    ManagedCluster managed =
        reads.ready(
            cluster,
            EnumSet.of(
                CachedKind.PODS,
                CachedKind.RESOURCEQUOTAS,
                CachedKind.REPLICASETS,
                CachedKind.JOBS));
    if (!reads.visible(caller, managed, CachedKind.PODS).includes(namespace)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), namespace);
    }
    return managed;
  }

  private static void requireNamespace(String namespace) {
    if (namespace == null || !Names.isNamespace(namespace)) {
      throw TenancyException.invalid("namespace", "not a namespace name: " + namespace);
    }
  }

  /** The summed {@code status.used} of the namespace's quotas (the largest value per resource). */
  private static Map<String, String> used(ManagedCluster cluster, String namespace) {
    Map<String, String> out = new TreeMap<>();
    IndexedViews<? extends KubeObjectView> quotas = cluster.views(CachedKind.RESOURCEQUOTAS);
    for (String key : quotas.keys(Indexes.NAMESPACE, namespace)) {
      KubeObjectView view = quotas.view(key);
      if (view instanceof ObjectView quota) {
        out.putAll(strings(quota.fields().get("used")));
      }
    }
    return out;
  }

  private static List<PodView> podsIn(ManagedCluster cluster, String namespace) {
    @SuppressWarnings("unchecked")
    IndexedViews<PodView> pods = (IndexedViews<PodView>) cluster.views(CachedKind.PODS);
    List<PodView> out = new ArrayList<>();
    for (String key : pods.keys(Indexes.NAMESPACE, namespace)) {
      PodView pod = pods.view(key);
      if (pod != null) {
        out.add(pod);
      }
    }
    return out;
  }

  /** {@code Deployment/web} for a pod of web's ReplicaSet, {@code CronJob/x}, or the pod. */
  static Function<PodView, String> workloads(ManagedCluster cluster) {
    IndexedViews<? extends KubeObjectView> replicaSets = cluster.views(CachedKind.REPLICASETS);
    IndexedViews<? extends KubeObjectView> jobs = cluster.views(CachedKind.JOBS);
    return pod -> {
      OwnerRef owner = pod.owner();
      if (owner == null) {
        return "Pod/" + pod.name();
      }
      IndexedViews<? extends KubeObjectView> views =
          switch (owner.kind()) {
            case "ReplicaSet" -> replicaSets;
            case "Job" -> jobs;
            default -> null;
          };
      if (views != null) {
        KubeObjectView parent = views.view(pod.namespace() + "/" + owner.name());
        if (parent != null && parent.owner() != null) {
          return parent.owner().kind() + "/" + parent.owner().name();
        }
      }
      return owner.kind() + "/" + owner.name();
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> strings(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
  }
}
