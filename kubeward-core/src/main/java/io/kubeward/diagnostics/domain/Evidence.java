package io.kubeward.diagnostics.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fact a finding rests on, as the user would find it with {@code kubectl describe} or {@code
 * kubectl get events}: its {@code kind} (one of the constants below), a short {@code label} (the
 * field or condition, e.g. {@code container app: last state}) and its {@code value} as Kubernetes
 * wrote it (not translated), and the object it was read from if it is not the subject.
 */
public record Evidence(String kind, String label, String value, @Nullable ObjectRef ref) {

  public static final String CONDITION = "condition";
  public static final String CONTAINER_STATE = "container-state";
  public static final String EVENT = "event";
  public static final String SCHEDULER = "scheduler";
  public static final String FIELD = "field";
  public static final String RELATED = "related";

  /** Longest value kept; longer ones are cut with an ellipsis. */
  public static final int MAX_VALUE = 1024;

  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    value = value == null ? "" : value;
    if (value.length() > MAX_VALUE) {
      value = value.substring(0, MAX_VALUE) + "…";
    }
  }

  public static Evidence of(String kind, String label, @Nullable Object value) {
    return new Evidence(kind, label, value == null ? "" : String.valueOf(value), null);
  }

  public static Evidence related(String label, @Nullable Object value, ObjectRef ref) {
    return new Evidence(RELATED, label, value == null ? "" : String.valueOf(value), ref);
  }
}
