package io.kubeward.hpa.app;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ConditionView;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.common.Names;
import io.kubeward.hpa.domain.HpaDetail;
import io.kubeward.hpa.domain.HpaDetails;
import io.kubeward.hpa.domain.HpaException;
import io.kubeward.hpa.domain.HpaValidation;
import io.kubeward.hpa.domain.HpaWarning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads: the HPA list from the shared cache (only namespaces where the caller may list HPAs); one
 * HPA live as the caller (the cache keeps no metrics or behavior) with its Events from the cache;
 * the YAML export; the VPAs where the cluster serves their API.
 */
public final class HpaQueries {

  /** The most events shown for one HPA. */
  static final int MAX_EVENTS = 100;

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final HpaGateway gateway;

  public HpaQueries(ClusterReads reads, Authorizer authorizer, HpaGateway gateway) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.gateway = gateway;
  }

  /** The HPAs of the cluster, or of one namespace, sorted by namespace and name. */
  public List<HpaSummary> list(Caller caller, String cluster, String namespace) {
    if (namespace != null && !Names.isNamespace(namespace)) {
      throw HpaException.invalid("namespace");
    }
    ManagedCluster managed = reads.ready(cluster, EnumSet.of(CachedKind.HORIZONTALPODAUTOSCALERS));
    NamespaceVisibility visible =
        reads.requireVisible(caller, managed, CachedKind.HORIZONTALPODAUTOSCALERS);
    Collection<? extends KubeObjectView> views =
        namespace == null
            ? managed.views(CachedKind.HORIZONTALPODAUTOSCALERS).all()
            : keyed(managed, CachedKind.HORIZONTALPODAUTOSCALERS, namespace);
    List<HpaSummary> out = new ArrayList<>();
    for (KubeObjectView view : views) {
      if (view instanceof ObjectView hpa && visible.includes(hpa.namespace())) {
        out.add(summary(hpa));
      }
    }
    out.sort(Comparator.comparing(HpaSummary::namespace).thenComparing(HpaSummary::name));
    return out;
  }

  /** One HPA, live, with events, history and warnings. */
  public HpaDetail detail(Caller caller, String cluster, String namespace, String name) {
    HorizontalPodAutoscaler hpa = live(caller, cluster, namespace, name);
    List<HpaWarning> warnings = List.of();
    var ref = hpa.getSpec().getScaleTargetRef();
    if (ref != null && HpaValidation.SCALABLE.contains(ref.getKind())) {
      Map<String, Set<String>> requests =
          gateway
              .targetRequests(caller, cluster, namespace, ref.getKind(), ref.getName())
              .orElse(Map.of());
      warnings = HpaValidation.warnings(HpaDetails.spec(hpa), requests);
    }
    return HpaDetails.of(cluster, hpa, events(caller, cluster, namespace, name), warnings);
  }

  /** The HPA as YAML (for export). */
  public String yaml(Caller caller, String cluster, String namespace, String name) {
    return gateway.yaml(live(caller, cluster, namespace, name));
  }

  /** The VPAs, or "not installed". */
  public VpaList vpas(Caller caller, String cluster, String namespace) {
    reads.known(cluster);
    if (namespace != null && !Names.isNamespace(namespace)) {
      throw HpaException.invalid("namespace");
    }
    authorizer.require(caller, Verb.READ, cluster, namespace);
    if (!gateway.vpaInstalled(cluster)) {
      return new VpaList(false, List.of());
    }
    return new VpaList(true, gateway.vpas(caller, cluster, namespace));
  }

  HorizontalPodAutoscaler live(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    if (namespace == null || !Names.isNamespace(namespace)) {
      throw HpaException.invalid("namespace");
    }
    if (name == null || !Names.isObjectName(name)) {
      throw HpaException.invalid("name");
    }
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return gateway
        .get(caller, cluster, namespace, name)
        .orElseThrow(() -> HpaException.notFound(namespace, name));
  }

  /** The HPA's Events from the cache (newest last), if the caller may list events there. */
  List<HpaDetail.HpaEvent> events(Caller caller, String cluster, String namespace, String name) {
    ManagedCluster managed = reads.known(cluster);
    if (!managed.cacheSynced(EnumSet.of(CachedKind.EVENTS))
        || !reads.visible(caller, managed, CachedKind.EVENTS).includes(namespace)) {
      return List.of();
    }
    List<HpaDetail.HpaEvent> out = new ArrayList<>();
    for (KubeObjectView view : keyed(managed, CachedKind.EVENTS, namespace)) {
      if (view instanceof ObjectView event
          && "HorizontalPodAutoscaler".equals(event.fields().get("objectKind"))
          && name.equals(event.fields().get("objectName"))) {
        Object count = event.fields().get("count");
        Object lastSeen = event.fields().get("lastSeen");
        out.add(
            new HpaDetail.HpaEvent(
                event.status(),
                String.valueOf(event.fields().get("reason")),
                String.valueOf(event.fields().get("message")),
                count instanceof Number n ? n.intValue() : 1,
                lastSeen == null ? null : String.valueOf(lastSeen)));
      }
    }
    out.sort(
        Comparator.comparing(
            HpaDetail.HpaEvent::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())));
    return out.size() > MAX_EVENTS ? out.subList(out.size() - MAX_EVENTS, out.size()) : out;
  }

  private static List<KubeObjectView> keyed(
      ManagedCluster cluster, CachedKind kind, String namespace) {
    var views = cluster.views(kind);
    List<KubeObjectView> out = new ArrayList<>();
    for (String key : views.keys(Indexes.NAMESPACE, namespace)) {
      KubeObjectView view = views.view(key);
      if (view != null) {
        out.add(view);
      }
    }
    return out;
  }

  static HpaSummary summary(ObjectView hpa) {
    Map<String, Object> f = hpa.fields();
    String attention = null;
    String reason = null;
    if (f.get("conditions") instanceof List<?> conditions) {
      for (Object item : conditions) {
        if (item instanceof ConditionView c
            && (("ScalingLimited".equals(c.type()) && c.isTrue())
                || (!"ScalingLimited".equals(c.type()) && c.isFalse()))) {
          attention = c.type();
          reason = c.reason();
          break;
        }
      }
    }
    return new HpaSummary(
        hpa.namespace(),
        hpa.name(),
        (String) f.get("target"),
        number(f.get("minReplicas")),
        number(f.get("maxReplicas")),
        number(f.get("currentReplicas")),
        number(f.get("desiredReplicas")),
        hpa.status(),
        attention,
        reason);
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
