package io.kubeward.logarchive.domain;

import io.kubeward.common.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search of past logs: one namespace, optionally one pod or the pods of one workload (by the pod
 * names its controller gives), an optional container and text, a time range, newest first, at most
 * {@code limit} lines. Made by {@link #of}, which bounds everything a user sends.
 */
public record LogQuery(
    String namespace,
    @Nullable String pod,
    @Nullable String workloadKind,
    @Nullable String workloadName,
    @Nullable String container,
    @Nullable String text,
    Instant from,
    Instant to,
    int limit) {

  /** The workload kinds whose pods' names are found from the workload's name. */
  public static final Set<String> WORKLOAD_KINDS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob");

  public static final int MAX_TEXT = 512;

  /** The bounds of a search, from configuration ({@code kubeward.log-archive.*}). */
  public record Bounds(int defaultLimit, int maxLimit, Duration defaultRange, Duration maxRange) {}

  /**
   * @throws IllegalArgumentException with a reason for anything out of bounds
   */
  public static LogQuery of(
      String namespace,
      @Nullable String pod,
      @Nullable String workloadKind,
      @Nullable String workloadName,
      @Nullable String container,
      @Nullable String text,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Integer limit,
      Instant now,
      Bounds bounds) {
    if (namespace == null || !Names.isNamespace(namespace)) {
      throw new IllegalArgumentException("namespace is required and must be a namespace name");
    }
    pod = blankToNull(pod);
    container = blankToNull(container);
    workloadKind = blankToNull(workloadKind);
    workloadName = blankToNull(workloadName);
    text = blankToNull(text);
    if (pod != null && !Names.isObjectName(pod)) {
      throw new IllegalArgumentException("pod must be a pod name");
    }
    if (container != null && !Names.isObjectName(container)) {
      throw new IllegalArgumentException("container must be a container name");
    }
    if ((workloadKind == null) != (workloadName == null)) {
      throw new IllegalArgumentException("workloadKind and workloadName go together");
    }
    if (workloadKind != null) {
      if (!WORKLOAD_KINDS.contains(workloadKind)) {
        throw new IllegalArgumentException("workloadKind is one of " + WORKLOAD_KINDS);
      }
      if (!Names.isObjectName(workloadName)) {
        throw new IllegalArgumentException("workloadName must be an object name");
      }
      if (pod != null) {
        throw new IllegalArgumentException("pod or workload, not both");
      }
    }
    if (text != null && text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("text is at most " + MAX_TEXT + " characters");
    }
    Instant end = to == null ? now : to;
    Instant start = from == null ? end.minus(bounds.defaultRange()) : from;
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("from must be before to");
    }
    if (Duration.between(start, end).compareTo(bounds.maxRange()) > 0) {
      throw new IllegalArgumentException("the time range is at most " + bounds.maxRange());
    }
    int size = limit == null ? bounds.defaultLimit() : limit;
    if (size < 1 || size > bounds.maxLimit()) {
      throw new IllegalArgumentException("limit is between 1 and " + bounds.maxLimit());
    }
    return new LogQuery(
        namespace, pod, workloadKind, workloadName, container, text, start, end, size);
  }

  /**
   * The pods of the workload as a regular expression over pod names (Lucene syntax, anchored):
   * {@code web-<hash>-<5>} for a Deployment, {@code web-<n>} for a StatefulSet, {@code web-<5>} for
   * a DaemonSet, ReplicaSet or Job, {@code web-<n>-<5>} for a CronJob's Jobs. {@code null} without
   * a workload.
   */
  public @Nullable String podPattern() {
    if (workloadKind == null) {
      return null;
    }
    String name = workloadName.replace(".", "\\.");
    return switch (workloadKind) {
      case "Deployment" -> name + "-[a-z0-9]{1,10}-[a-z0-9]{5}";
      case "StatefulSet" -> name + "-[0-9]+";
      case "CronJob" -> name + "-[0-9]+-[a-z0-9]{5}";
      default -> name + "-[a-z0-9]{5}";
    };
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
