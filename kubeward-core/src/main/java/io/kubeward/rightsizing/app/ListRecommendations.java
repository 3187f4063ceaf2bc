package io.kubeward.rightsizing.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.common.Names;
import io.kubeward.history.app.SnapshotUsage;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.rightsizing.domain.ContainerFacts;
import io.kubeward.rightsizing.domain.Recommendation;
import io.kubeward.rightsizing.domain.Recommender;
import io.kubeward.rightsizing.domain.RequestsPatch;
import io.kubeward.rightsizing.domain.RightsizingException;
import io.kubeward.rightsizing.domain.RightsizingPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Use case: the recommendations of every container of the Deployments, StatefulSets, DaemonSets and
 * CronJobs a caller sees (pods and pod metrics listable in the namespace, as the caller), computed
 * from the containers' usage over the configured window; current requests and replicas from the
 * shared cache (the workload's newest pod). Ranked by waste or risk, bounded.
 */
public final class ListRecommendations {

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final UsageSamples usage;
  private final RightsizingSettings settings;
  private final Recommender recommender;
  private final Clock clock;

  public ListRecommendations(
      ClusterReads reads,
      Authorizer authorizer,
      UsageSamples usage,
      RightsizingSettings settings,
      Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.usage = usage;
    this.settings = settings;
    this.recommender = new Recommender(settings.policy());
    this.clock = clock;
  }

  /** A workload's pods as the cache has them. */
  record WorkloadPods(String namespace, String kind, String name, List<PodView> pods) {}

  /** Recommendations in {@code namespace}, or in every namespace the caller sees if null. */
  public RecommendationList list(Caller caller, String cluster, String namespace) {
    String ns = namespace == null || namespace.isBlank() ? null : namespace.strip();
    if (ns != null && !Names.isNamespace(ns)) {
      throw RightsizingException.invalid("namespace", "a namespace name");
    }
    ManagedCluster managed =
        reads.ready(cluster, EnumSet.of(CachedKind.PODS, CachedKind.REPLICASETS, CachedKind.JOBS));
    NamespaceVisibility visible = reads.visible(caller, managed, CachedKind.PODS);
    if (ns != null && !visible.includes(ns)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), ns);
    }
    RightsizingPolicy policy = settings.policy();
    Instant end = clock.instant();
    Instant start = end.minus(policy.window());
    Map<String, Boolean> metricsAllowed = new HashMap<>();
    List<Recommendation> out = new ArrayList<>();
    boolean truncated = false;
    for (WorkloadPods w : workloads(managed, ns, visible)) {
      boolean allowed =
          metricsAllowed.computeIfAbsent(
              w.namespace(),
              n ->
                  authorizer.mayDo(
                      caller,
                      managed.name(),
                      ResourceAction.of("list", "metrics.k8s.io", "pods", n)));
      if (!allowed) {
        continue;
      }
      PodView newest = newest(w.pods());
      for (ContainerResources c : newest.containers()) {
        if (out.size() >= settings.maxContainers()) {
          truncated = true;
          break;
        }
        ContainerFacts facts =
            new ContainerFacts(
                w.namespace(),
                w.kind(),
                w.name(),
                c.name(),
                w.pods().size(),
                c.cpuRequest(),
                c.memoryRequest(),
                c.cpuLimit(),
                c.memoryLimit());
        HistoryTarget target = HistoryTarget.container(w.namespace(), w.kind(), w.name(), c.name());
        out.add(
            recommender.recommend(
                facts, usage.samples(managed.name(), target, start, end), start, end));
      }
    }
    out.sort(
        Comparator.comparingDouble(Recommendation::score)
            .reversed()
            .thenComparing(r -> r.current().namespace())
            .thenComparing(r -> r.current().workload())
            .thenComparing(r -> r.current().container()));
    return new RecommendationList(
        managed.name(),
        usage.source(managed.name()),
        start,
        end,
        policy.cpuPercentile(),
        policy.memoryPercentile(),
        policy.cpuMargin(),
        policy.memoryMargin(),
        out,
        truncated);
  }

  /** The pods of each right-sizable workload, by namespace and name. */
  @SuppressWarnings("unchecked")
  static Collection<WorkloadPods> workloads(
      ManagedCluster managed, String namespace, NamespaceVisibility visible) {
    IndexedViews<PodView> pods = (IndexedViews<PodView>) managed.views(CachedKind.PODS);
    IndexedViews<? extends KubeObjectView> replicaSets = managed.views(CachedKind.REPLICASETS);
    IndexedViews<? extends KubeObjectView> jobs = managed.views(CachedKind.JOBS);
    Collection<PodView> candidates;
    if (namespace != null) {
      candidates = new ArrayList<>();
      for (String key : pods.keys(Indexes.NAMESPACE, namespace)) {
        PodView pod = pods.view(key);
        if (pod != null) {
          candidates.add(pod);
        }
      }
    } else {
      candidates = pods.all();
    }
    Map<String, WorkloadPods> out = new TreeMap<>();
    for (PodView pod : candidates) {
      if (!visible.includes(pod.namespace()) || !pod.holdsResources()) {
        continue;
      }
      OwnerRef owner = SnapshotUsage.workload(pod.namespace(), pod.owner(), replicaSets, jobs);
      if (owner == null || !RequestsPatch.KINDS.contains(owner.kind())) {
        continue;
      }
      out.computeIfAbsent(
              pod.namespace() + "/" + owner.kind() + "/" + owner.name(),
              k -> new WorkloadPods(pod.namespace(), owner.kind(), owner.name(), new ArrayList<>()))
          .pods()
          .add(pod);
    }
    return out.values();
  }

  private static PodView newest(List<PodView> pods) {
    return pods.stream()
        .max(
            Comparator.comparing(
                (PodView p) -> p.createdAt() == null ? Instant.EPOCH : p.createdAt()))
        .orElseThrow();
  }
}
