package io.kubeward.release.domain;

import org.jspecify.annotations.Nullable;

/**
 * {@code spec.strategy.canary.trafficRouting} of a Release: at most one router. Neither set means
 * replica ratio (pods of both versions behind the one stable Service, traffic shared by pod count).
 */
public record TrafficRouting(
    @Nullable IngressNginxRouting ingressNginx, @Nullable GatewayApiRouting gatewayApi) {

  public static final TrafficRouting REPLICA_RATIO = new TrafficRouting(null, null);

  /** ingress-nginx canary: a copy of {@code ingress} pointing at the canary Service, annotated. */
  public record IngressNginxRouting(String ingress) {}

  /** Gateway API: the backendRefs of {@code httpRoute}'s rules that name the stable Service. */
  public record GatewayApiRouting(String httpRoute) {}

  /** {@code replicaRatio}, {@code ingressNginx} or {@code gatewayApi}. */
  public String type() {
    if (ingressNginx != null) {
      return "ingressNginx";
    }
    if (gatewayApi != null) {
      return "gatewayApi";
    }
    return "replicaRatio";
  }
}
