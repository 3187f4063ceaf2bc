package io.kubeward.runtime.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sets conditions the Kubernetes way; pure. */
public final class Conditions {

  private Conditions() {}

  /**
   * {@code conditions} with condition {@code type} set. Its {@code lastTransitionTime} only moves
   * when the status flips; reason, message and observedGeneration always follow. Other conditions
   * and the order are kept; a new type is appended.
   */
  public static List<Condition> set(
      List<Condition> conditions,
      String type,
      boolean status,
      EventReason reason,
      String message,
      Instant now,
      Long generation) {
    String value = status ? "True" : "False";
    List<Condition> next = new ArrayList<>(conditions.size() + 1);
    boolean found = false;
    for (Condition c : conditions) {
      if (c.type().equals(type)) {
        found = true;
        Instant since =
            value.equals(c.status()) && c.lastTransitionTime() != null
                ? c.lastTransitionTime()
                : now;
        next.add(new Condition(type, value, reason.name(), message, since, generation));
      } else {
        next.add(c);
      }
    }
    if (!found) {
      next.add(new Condition(type, value, reason.name(), message, now, generation));
    }
    return List.copyOf(next);
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
