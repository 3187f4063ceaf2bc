package io.kubeward.release.app;

import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.util.List;

/**
 * Port: one implementation per traffic router ({@code replicaRatio}, {@code ingressNginx}, {@code
 * gatewayApi}). The Release controller (Kubeward's own identity, leader only) calls it; every call
 * is idempotent and safe to repeat after a restart. The controller scales the canary Deployment to
 * {@code ceil(total * weight / 100)} itself; a router shifts traffic (the replica-ratio router does
 * so by scaling the stable Deployment to {@code total - canary}).
 */
public interface TrafficRouter {

  /**
   * {@code replicaRatio}, {@code ingressNginx} or {@code gatewayApi} (= {@link
   * TrafficRouting#type()}).
   */
  String type();

  /** Whether the router's API exists on the cluster, with the reason when not. */
  RouterPresence presence(String cluster);

  /** Whether the router can send requests matching a header/cookie to the canary (A/B). */
  boolean supportsHeaderRoutes();

  /** Problems of the routing spec and its objects' names, empty when valid (static checks only). */
  List<String> validate(TrafficRouting routing);

  /** Brings the traffic to {@code split}. */
  void apply(String cluster, TrafficTarget target, TrafficSplit split) throws ReleaseStepException;

  /** The traffic as the cluster's objects say now. */
  TrafficSplit observe(String cluster, TrafficTarget target) throws ReleaseStepException;

  /**
   * All traffic to stable; removes what the router created for the Release (canary Ingress, rules).
   */
  void restore(String cluster, TrafficTarget target) throws ReleaseStepException;

  // --- issue 15 traffic: added defaults (texts in both languages, header-route checks) ---

  /** {@link #validate} in English and 简体中文 (default: the English text for both). */
  default List<Bilingual> validateTexts(TrafficRouting routing) {
    return validate(routing).stream().map(text -> Bilingual.of(text, text)).toList();
  }

  /**
   * Problems of a {@code setHeaderRoute} step's matches for this router (static checks, e.g.
   * ingress-nginx routes by one header or one cookie whose value is {@code always}), in English and
   * 简体中文; empty when it can route them. Default: none where {@link #supportsHeaderRoutes}, else
   * that it cannot.
   */
  default List<Bilingual> validateHeaderRoute(List<RouteMatch> match) {
    if (supportsHeaderRoutes()) {
      return List.of();
    }
    return List.of(
        Bilingual.of(
            "setHeaderRoute: the " + type() + " router cannot route by header or cookie",
            "setHeaderRoute:" + type() + " 路由器不能按 header 或 cookie 路由"));
  }

  /**
   * The reason of a {@link #presence} answer of this router in English and 简体中文 (default: the
   * English text for both).
   */
  default Bilingual presenceReason(RouterPresence presence) {
    return Bilingual.of(presence.reason(), presence.reason());
  }
}
