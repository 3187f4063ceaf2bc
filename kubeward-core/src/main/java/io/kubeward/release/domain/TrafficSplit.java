package io.kubeward.release.domain;

import java.util.List;

/**
 * Desired (or observed) traffic of a Release: the canary's share in percent (0..100) and the A/B
 * matches that send requests to the canary regardless of the weight (empty: none).
 */
public record TrafficSplit(int canaryWeight, List<RouteMatch> headerRoute) {

  public static final TrafficSplit STABLE = new TrafficSplit(0, List.of());

  public TrafficSplit {
    if (canaryWeight < 0 || canaryWeight > 100) {
      throw new IllegalArgumentException("canaryWeight must be 0..100: " + canaryWeight);
    }
    headerRoute = headerRoute == null ? List.of() : List.copyOf(headerRoute);
  }
}
