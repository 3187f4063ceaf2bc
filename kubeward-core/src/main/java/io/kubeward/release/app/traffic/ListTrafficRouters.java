package io.kubeward.release.app.traffic;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.domain.RouterPresence;
import java.util.Comparator;
import java.util.List;

/**
 * The routers report: for one cluster, each traffic router Kubeward has, whether it can work there
 * and why not, and whether it routes by header or cookie. Anyone who sees the cluster may ask
 * (presence is a fact about the cluster's APIs, not about objects); the routers ask the cluster
 * with Kubeward's identity and keep the answer a while.
 */
public final class ListTrafficRouters {

  /** One router on one cluster; {@code reason} is empty when present. */
  public record RouterReport(
      String type, boolean present, Bilingual reason, boolean supportsHeaderRoutes) {}

  /** Replica ratio first (it works everywhere), then the routers that need an API. */
  private static final List<String> ORDER = List.of("replicaRatio", "ingressNginx", "gatewayApi");

  private final ClusterRegistry registry;
  private final Authorizer authorizer;
  private final List<TrafficRouter> routers;

  public ListTrafficRouters(
      ClusterRegistry registry, Authorizer authorizer, List<TrafficRouter> routers) {
    this.registry = registry;
    this.authorizer = authorizer;
    this.routers =
        routers.stream()
            .sorted(
                Comparator.comparingInt((TrafficRouter r) -> rank(r.type()))
                    .thenComparing(TrafficRouter::type))
            .toList();
  }

  public List<RouterReport> list(Caller caller, String cluster) {
    if (registry.find(cluster).isEmpty()) {
      throw new ClusterNotFoundException(cluster);
    }
    if (!authorizer.seesCluster(caller, cluster)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, null);
    }
    return routers.stream()
        .map(
            router -> {
              RouterPresence presence = router.presence(cluster);
              return new RouterReport(
                  router.type(),
                  presence.present(),
                  presence.present() ? Bilingual.of("", "") : router.presenceReason(presence),
                  router.supportsHeaderRoutes());
            })
        .toList();
  }

  private static int rank(String type) {
    int index = ORDER.indexOf(type);
    return index < 0 ? ORDER.size() : index;
  }
}
