package io.kubeward.release.kube.traffic;

import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the routers that need an API on the cluster share: Kubeward's clients, the cached presence
 * (with its reason in both languages), A/B support, and the static checks run again before every
 * {@code apply} (a Release made before a rule existed is refused by the router, not half applied).
 */
abstract sealed class ApiTrafficRouter implements TrafficRouter
    permits IngressNginxRouter, GatewayApiRouter {

  protected final ClusterClients clients;
  private final PresenceCache presence;

  ApiTrafficRouter(ClusterClients clients, Clock clock, Duration presenceTtl) {
    this.clients = clients;
    this.presence = new PresenceCache(clock, presenceTtl, this::probe);
  }

  /** Asks the cluster whether the router's API exists (Kubeward's identity). */
  abstract PresenceCache.Verdict probe(String cluster);

  @Override
  public final RouterPresence presence(String cluster) {
    return presence.get(cluster).presence();
  }

  @Override
  public final Bilingual presenceReason(RouterPresence answer) {
    return presence.reasonOf(answer);
  }

  @Override
  public final boolean supportsHeaderRoutes() {
    return true;
  }

  @Override
  public final List<String> validate(TrafficRouting routing) {
    return validateTexts(routing).stream().map(Bilingual::en).toList();
  }

  @Override
  public abstract List<Bilingual> validateTexts(TrafficRouting routing);

  @Override
  public abstract List<Bilingual> validateHeaderRoute(List<RouteMatch> match);

  /**
   * Refuses (non-retryable {@code HeaderRouteNotSupported}) a routing or split the static checks
   * find fault with.
   */
  final void check(TrafficRouting routing, TrafficSplit split) {
    List<Bilingual> problems = new ArrayList<>(validateTexts(routing));
    if (!split.headerRoute().isEmpty()) {
      problems.addAll(validateHeaderRoute(split.headerRoute()));
    }
    if (!problems.isEmpty()) {
      throw new ReleaseStepException(
          "HeaderRouteNotSupported",
          String.join("; ", problems.stream().map(Bilingual::en).toList()),
          false);
    }
  }
}
