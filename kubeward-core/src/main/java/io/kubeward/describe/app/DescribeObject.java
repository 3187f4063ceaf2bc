package io.kubeward.describe.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.common.KubewardException;
import io.kubeward.common.Names;
import io.kubeward.describe.domain.DescribeContext;
import io.kubeward.describe.domain.DescribeKind;
import io.kubeward.describe.domain.Describers;
import io.kubeward.describe.domain.Description;
import io.kubeward.resource.app.ResourceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Use case: describe one object like {@code kubectl describe}. The object itself is read live with
 * the caller's identity (so the apiserver decides, 403 and 404 included); related objects come from
 * the shared cache, only from namespaces where the caller may list their kind (and only once that
 * kind has listed), except a Service's EndpointSlices, read live as the caller since the cache
 * keeps only their counts. Not audited: it changes nothing.
 */
public final class DescribeObject {

  private static final System.Logger log = System.getLogger(DescribeObject.class.getName());

  /** At most this many related pods are listed. */
  static final int MAX_PODS = 200;

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final DescribeGateway gateway;
  private final Clock clock;

  public DescribeObject(
      ClusterReads reads, Authorizer authorizer, DescribeGateway gateway, Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.gateway = gateway;
    this.clock = clock;
  }

  /**
   * @param kindText a kind ({@code Deployment}), its plural or kubectl's short name
   * @param namespace ignored for cluster-scoped kinds; {@code default} when blank
   * @throws UnsupportedKindException for a kind describe does not know
   * @throws ClusterApiException {@code resource.not-found}, {@code resource.forbidden}, ...
   */
  public Description describe(
      Caller caller, String cluster, String kindText, @Nullable String namespace, String name) {
    DescribeKind kind =
        DescribeKind.parse(kindText).orElseThrow(() -> new UnsupportedKindException(kindText));
    String ns = null;
    if (kind.namespaced()) {
      ns = namespace == null || namespace.isBlank() ? "default" : namespace.strip();
      if (!Names.isNamespace(ns)) {
        throw ResourceException.invalid("namespace " + ns + " is not a valid namespace name");
      }
    }
    if (name == null || !Names.isObjectName(name)) {
      throw ResourceException.invalid("name " + name + " is not a valid object name");
    }
    String namespaceName = ns;
    ManagedCluster managed = reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, ns);
    HasMetadata object =
        gateway
            .read(caller, cluster, kind, ns, name)
            .orElseThrow(
                () -> ClusterApiException.notFound(cluster, kind.kind(), namespaceName, name));
    DescribeContext context = context(caller, managed, kind, object);
    return Describers.describe(kind, object, context);
  }

  private DescribeContext context(
      Caller caller, ManagedCluster cluster, DescribeKind kind, HasMetadata object) {
    String ns = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    DescribeContext context = DescribeContext.empty(clock.instant());
    context = context.withOwnerChain(ownerChain(caller, cluster, object));
    switch (kind) {
      case DEPLOYMENT -> {
        context =
            context.withOwned(
                owned(caller, cluster, CachedKind.REPLICASETS, ns, "Deployment", name));
        Deployment d = (Deployment) object;
        LabelSelector selector =
            d.getSpec() == null || d.getSpec().getSelector() == null
                ? null
                : LabelSelector.from(d.getSpec().getSelector());
        context = context.withPods(selected(caller, cluster, ns, selector));
      }
      case STATEFULSET, DAEMONSET, REPLICASET, JOB ->
          context = context.withPods(ownedPods(caller, cluster, ns, kind.kind(), name));
      case CRONJOB ->
          context = context.withOwned(owned(caller, cluster, CachedKind.JOBS, ns, "CronJob", name));
      case SERVICE -> {
        Service s = (Service) object;
        Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
        if (selector != null && !selector.isEmpty()) {
          context =
              context.withPods(
                  selected(
                      caller,
                      cluster,
                      ns,
                      LabelSelector.from(
                          new io.fabric8.kubernetes.api.model.LabelSelector(List.of(), selector))));
        }
        context = context.withEndpointSlices(endpointSlices(caller, cluster.name(), ns, name));
      }
      case NODE -> context = context.withPods(podsOnNode(caller, cluster, name));
      default -> {}
    }
    return withEvents(caller, cluster, kind, ns, name, context);
  }

  /** The owners above the direct controller: a ReplicaSet's Deployment, a Job's CronJob. */
  private List<Description.ObjectLink> ownerChain(
      Caller caller, ManagedCluster cluster, HasMetadata object) {
    List<Description.ObjectLink> chain = new ArrayList<>();
    String ns = object.getMetadata().getNamespace();
    OwnerReference controller = controller(object);
    OwnerRef owner =
        controller == null ? null : new OwnerRef(controller.getKind(), controller.getName());
    int depth = 0;
    while (owner != null && ns != null && depth++ < 4) {
      CachedKind ownerKind = cachedKind(owner.kind());
      if (ownerKind == null || !usable(caller, cluster, ownerKind, ns)) {
        break;
      }
      KubeObjectView view = cluster.views(ownerKind).view(ns + "/" + owner.name());
      if (view == null || view.owner() == null) {
        break;
      }
      owner = view.owner();
      chain.add(new Description.ObjectLink(owner.kind(), ns, owner.name()));
    }
    return chain;
  }

  private static @Nullable OwnerReference controller(HasMetadata object) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    if (owners == null || owners.isEmpty()) {
      return null;
    }
    return owners.stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .findFirst()
        .orElse(owners.get(0));
  }

  private static @Nullable CachedKind cachedKind(String kind) {
    for (CachedKind cached : CachedKind.values()) {
      if (cached.kind().equals(kind)) {
        return cached;
      }
    }
    return null;
  }

  /** The cache of {@code kind} has listed and the caller may list it in {@code namespace}. */
  private boolean usable(
      Caller caller, ManagedCluster cluster, CachedKind kind, @Nullable String namespace) {
    if (!cluster.cacheSynced(Set.of(kind))) {
      return false;
    }
    NamespaceVisibility visible = reads.visible(caller, cluster, kind);
    return namespace == null ? !visible.isEmpty() : visible.includes(namespace);
  }

  private List<KubeObjectView> owned(
      Caller caller,
      ManagedCluster cluster,
      CachedKind kind,
      String ns,
      String ownerKind,
      String ownerName) {
    if (!usable(caller, cluster, kind, ns)) {
      return List.of();
    }
    IndexedViews<? extends KubeObjectView> views = cluster.views(kind);
    List<KubeObjectView> owned = new ArrayList<>();
    for (String key : views.keys(Indexes.OWNER, ns + "/" + ownerKind + "/" + ownerName)) {
      KubeObjectView view = views.view(key);
      if (view != null) {
        owned.add(view);
      }
    }
    owned.sort(
        Comparator.comparing(
                KubeObjectView::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .reversed());
    return owned;
  }

  @SuppressWarnings("unchecked")
  private IndexedViews<PodView> pods(ManagedCluster cluster) {
    return (IndexedViews<PodView>) cluster.views(CachedKind.PODS);
  }

  private List<PodView> ownedPods(
      Caller caller, ManagedCluster cluster, String ns, String ownerKind, String ownerName) {
    if (!usable(caller, cluster, CachedKind.PODS, ns)) {
      return List.of();
    }
    IndexedViews<PodView> pods = pods(cluster);
    return collect(pods, pods.keys(Indexes.OWNER, ns + "/" + ownerKind + "/" + ownerName), null);
  }

  private List<PodView> selected(
      Caller caller, ManagedCluster cluster, String ns, @Nullable LabelSelector selector) {
    if (selector == null || selector.isEmpty() || !usable(caller, cluster, CachedKind.PODS, ns)) {
      return List.of();
    }
    IndexedViews<PodView> pods = pods(cluster);
    return collect(pods, pods.keys(Indexes.NAMESPACE, ns), selector);
  }

  private List<PodView> podsOnNode(Caller caller, ManagedCluster cluster, String node) {
    if (!cluster.cacheSynced(Set.of(CachedKind.PODS))) {
      return List.of();
    }
    NamespaceVisibility visible = reads.visible(caller, cluster, CachedKind.PODS);
    IndexedViews<PodView> pods = pods(cluster);
    List<PodView> found = new ArrayList<>();
    for (String key : pods.keys(Indexes.NODE, node)) {
      PodView pod = pods.view(key);
      if (pod != null && visible.includes(pod.namespace())) {
        found.add(pod);
      }
    }
    found.sort(Comparator.comparing(PodView::namespace).thenComparing(PodView::name));
    return found.size() > MAX_PODS ? found.subList(0, MAX_PODS) : found;
  }

  private static List<PodView> collect(
      IndexedViews<PodView> pods, Iterable<String> keys, @Nullable LabelSelector selector) {
    List<PodView> found = new ArrayList<>();
    for (String key : keys) {
      PodView pod = pods.view(key);
      if (pod != null && (selector == null || selector.matches(pod.labels()))) {
        found.add(pod);
      }
    }
    found.sort(Comparator.comparing(PodView::name));
    return found.size() > MAX_PODS ? found.subList(0, MAX_PODS) : found;
  }

  private List<EndpointSlice> endpointSlices(
      Caller caller, String cluster, String ns, String service) {
    try {
      return gateway.endpointSlices(caller, cluster, ns, service);
    } catch (KubewardException e) {
      // the Service itself was readable; its slices may not be (a narrower role): leave them out
      log.log(System.Logger.Level.DEBUG, "No EndpointSlices of " + service + ": " + e.getMessage());
      return List.of();
    }
  }

  private DescribeContext withEvents(
      Caller caller,
      ManagedCluster cluster,
      DescribeKind kind,
      @Nullable String ns,
      String name,
      DescribeContext context) {
    // events of cluster-scoped objects (nodes, PVs) are recorded in "default"
    String eventsNs = ns == null ? "default" : ns;
    if (!usable(caller, cluster, CachedKind.EVENTS, eventsNs)) {
      return context.withEvents(List.of(), false);
    }
    IndexedViews<? extends KubeObjectView> events = cluster.views(CachedKind.EVENTS);
    List<ObjectView> found = new ArrayList<>();
    for (String key : events.keys(Indexes.NAMESPACE, eventsNs)) {
      if (events.view(key) instanceof ObjectView event
          && kind.kind().equals(event.fields().get("objectKind"))
          && name.equals(event.fields().get("objectName"))) {
        found.add(event);
      }
    }
    found.sort(
        Comparator.comparing(
                (ObjectView e) -> String.valueOf(e.fields().getOrDefault("lastSeen", "")))
            .reversed());
    return context.withEvents(found, true);
  }
}
