package io.kubeward.fleet.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one cluster contributed to a fleet-wide answer: whether it answered ({@link
 * Availability#READY}) or why not, how many pods with a problem it has that match the filters and
 * the caller may read ({@code total}, 0 when it did not answer), and how many of them the answer
 * shows ({@code shown}).
 *
 * @param code the problem code of a cluster that did not answer ({@code cluster.unreachable},
 *     {@code cluster.syncing}, {@code access.denied}, ...), {@code null} when it answered
 * @param message that problem in words (the caller's language at the API's edge)
 * @param details the problem's named values ({@code unreachableSince}, {@code lastError})
 */
public record ClusterProblems(
    String cluster,
    Availability availability,
    int total,
    int shown,
    @Nullable String code,
    @Nullable String message,
    Map<String, Object> details) {

  /** Whether a cluster's pods are in the answer, and if not, why. */
  public enum Availability {
    /** Its pods are listed and were searched. */
    READY,
    /** Kubeward is still loading its pods: nothing from it yet. */
    SYNCING,
    /** Its API does not answer: nothing from it. */
    UNREACHABLE,
    /** The caller may not list pods anywhere in it. */
    FORBIDDEN,
    /** It could not be asked for another reason ({@code code} says which). */
    FAILED
  }

  public ClusterProblems {
    details = details == null ? Map.of() : details;
  }

  public static ClusterProblems ready(String cluster, int total, int shown) {
    return new ClusterProblems(cluster, Availability.READY, total, shown, null, null, Map.of());
  }

  public static ClusterProblems away(
      String cluster,
      Availability availability,
      String code,
      String message,
      Map<String, Object> details) {
    return new ClusterProblems(cluster, availability, 0, 0, code, message, details);
  }

  /**
   * Whether nothing the caller may read is missing from it: it answered, or the caller may read
   * nothing there anyway.
   */
  public boolean nothingMissing() {
    return availability == Availability.READY || availability == Availability.FORBIDDEN;
  }

  /** The same with {@code message} in other words (a translation). */
  public ClusterProblems withMessage(@Nullable String text) {
    return new ClusterProblems(cluster, availability, total, shown, code, text, details);
  }
}
