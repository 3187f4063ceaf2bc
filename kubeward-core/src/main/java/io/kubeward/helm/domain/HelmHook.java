package io.kubeward.helm.domain;

import java.util.List;

/**
 * One hook of a release revision (a Job, a Pod, ... run on an event such as {@code post-install})
 * and how its last run went.
 *
 * @param lastRunPhase {@code Succeeded}, {@code Failed}, {@code Running}, or {@code Unknown} when
 *     it never ran
 */
public record HelmHook(
    String name,
    String kind,
    String path,
    List<String> events,
    String lastRunPhase,
    String startedAt,
    String completedAt) {

  public HelmHook {
    events = List.copyOf(events);
  }
}
