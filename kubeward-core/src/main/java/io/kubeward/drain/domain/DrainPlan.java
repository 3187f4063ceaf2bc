package io.kubeward.drain.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What draining {@code node} would do now, pod by pod. */
public record DrainPlan(String node, DrainVerdict verdict, List<PodPlan> pods) {

  public DrainPlan {
    pods = List.copyOf(pods);
  }

  /** How many pods have each fate (every fate present, zero if none). */
  public Map<PodFate, Integer> counts() {
    Map<PodFate, Integer> counts = new EnumMap<>(PodFate.class);
    for (PodFate fate : PodFate.values()) {
      counts.put(fate, 0);
    }
    pods.forEach(pod -> counts.merge(pod.fate(), 1, Integer::sum));
    return counts;
  }
}
