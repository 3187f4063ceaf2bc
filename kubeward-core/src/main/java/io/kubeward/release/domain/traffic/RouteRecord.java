package io.kubeward.release.domain.traffic;

import io.kubeward.release.domain.RouteMatch;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Kubeward changed on an HTTPRoute for one Release, kept as JSON in the route's annotation
 * {@link #annotation(String)} so that {@code restore} (in any replica, after any restart) removes
 * exactly that: the canary backendRefs added next to the stable Service's, the stable backendRefs'
 * weights before the Release (null: the field was absent), and the A/B rules added for {@code
 * headerRoute}.
 */
public record RouteRecord(
    String stableService,
    String canaryService,
    int canaryWeight,
    List<StableWeight> stableWeights,
    List<RouteMatch> headerRoute) {

  /** The prefix of the record's annotation. */
  public static final String PREFIX = "kubeward.io/release-";

  /** Longest name part of an annotation key (after the {@code kubeward.io/} prefix). */
  private static final int MAX_NAME = 63;

  /** The weight the stable backendRef {@code backend} of rule {@code rule} had before. */
  public record StableWeight(int rule, int backend, @Nullable Integer weight) {}

  public RouteRecord {
    stableWeights = stableWeights == null ? List.of() : List.copyOf(stableWeights);
    headerRoute = headerRoute == null ? List.of() : List.copyOf(headerRoute);
  }

  /**
   * {@code kubeward.io/release-<release>}; a Release name too long for an annotation key's 63
   * characters is shortened and ends in a hash of the whole name.
   */
  public static String annotation(String release) {
    String name = "release-" + release;
    if (name.length() <= MAX_NAME) {
      return "kubeward.io/" + name;
    }
    String head = name.substring(0, MAX_NAME - 11);
    while (!Character.isLetterOrDigit(head.charAt(head.length() - 1))) {
      head = head.substring(0, head.length() - 1);
    }
    return "kubeward.io/" + head + "-" + NginxCanary.sha256(release).substring(0, 10);
  }
}
