package io.kubeward.alert.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What routing hands to one channel for one group of alerts at one time: the group's key (stable
 * for the group: the route's path and the values of its group-by labels) and labels, the group's
 * firing alerts and the alerts resolved since the channel was last told. {@code test} marks the
 * "send test message" of a channel (no group, one made-up alert).
 */
public record Notification(
    String channel,
    AlertScope scope,
    String groupKey,
    Map<String, String> groupLabels,
    List<Alert> firing,
    List<Alert> resolved,
    Instant createdAt,
    boolean test) {

  public Notification {
    groupLabels = Map.copyOf(groupLabels);
    firing = List.copyOf(firing);
    resolved = List.copyOf(resolved);
  }
}
