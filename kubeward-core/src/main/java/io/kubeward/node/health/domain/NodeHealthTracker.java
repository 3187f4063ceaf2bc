package io.kubeward.node.health.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node health state machine of one cluster: fed with observations of nodes (and the time, from
 * the caller's clock), it starts a {@link HealthDetection} when a problem appears and ends it when
 * the problem is gone, and returns those transitions. Pure and not thread-safe: the caller
 * serializes calls.
 */
public final class NodeHealthTracker {

  private final String cluster;
  private final NodeHealthRules rules;
  private final Map<String, NodeState> nodes = new HashMap<>();

  public NodeHealthTracker(String cluster, NodeHealthRules rules) {
    this.cluster = cluster;
    this.rules = rules;
  }

  private static final class NodeState {
    String readyStatus;
    final Deque<Instant> readyTransitions = new ArrayDeque<>();
    final Map<String, Instant> evictions = new HashMap<>();
    Instant cordonedSince;
    final Map<NodeHealthType, HealthDetection> active = new EnumMap<>(NodeHealthType.class);
  }

  /** Applies an observation made at {@code now}; returns the detections started and ended. */
  public List<HealthDetection> observe(NodeObservation observation, Instant now) {
    NodeState state = nodes.computeIfAbsent(observation.node(), n -> new NodeState());
    remember(state, observation, now);
    Map<NodeHealthType, String> problems = problems(state, observation, now);
    List<HealthDetection> transitions = new ArrayList<>();
    for (NodeHealthType type : List.copyOf(state.active.keySet())) {
      if (!problems.containsKey(type)) {
        HealthDetection ended = state.active.remove(type).endedAt(now);
        transitions.add(ended);
      }
    }
    problems.forEach(
        (type, message) -> {
          if (!state.active.containsKey(type)) {
            HealthDetection started =
                new HealthDetection(cluster, observation.node(), type, now, null, message);
            state.active.put(type, started);
            transitions.add(started);
          }
        });
    return transitions;
  }

  /** The node is gone: every active detection of it ends now. */
  public List<HealthDetection> forget(String node, Instant now) {
    NodeState state = nodes.remove(node);
    if (state == null) {
      return List.of();
    }
    return state.active.values().stream().map(d -> d.endedAt(now)).toList();
  }

  /** The nodes observed and not forgotten. */
  public Set<String> nodes() {
    return Set.copyOf(nodes.keySet());
  }

  /** The active detections, by node. */
  public List<HealthDetection> active() {
    List<HealthDetection> active = new ArrayList<>();
    nodes.values().forEach(s -> active.addAll(s.active.values()));
    return active;
  }

  private void remember(NodeState state, NodeObservation observation, Instant now) {
    String ready = observation.readyStatus();
    if (ready != null) {
      if (state.readyStatus != null && !state.readyStatus.equals(ready)) {
        state.readyTransitions.addLast(now);
      }
      state.readyStatus = ready;
    }
    prune(state.readyTransitions, now.minus(rules.flappingWindow()));
    observation.evictions().forEach(state.evictions::putIfAbsent);
    Instant evictionsFrom = now.minus(rules.evictionWindow());
    state.evictions.values().removeIf(at -> at.isBefore(evictionsFrom));
    if (observation.unschedulable()) {
      if (state.cordonedSince == null) {
        state.cordonedSince = now;
      }
    } else {
      state.cordonedSince = null;
    }
  }

  private static void prune(Deque<Instant> times, Instant from) {
    while (!times.isEmpty() && times.peekFirst().isBefore(from)) {
      times.removeFirst();
    }
  }

  private Map<NodeHealthType, String> problems(
      NodeState state, NodeObservation observation, Instant now) {
    Map<NodeHealthType, String> problems = new EnumMap<>(NodeHealthType.class);
    if ("False".equals(state.readyStatus)) {
      problems.put(NodeHealthType.NotReady, "The Ready condition is False");
    } else if ("Unknown".equals(state.readyStatus)) {
      problems.put(
          NodeHealthType.Unknown,
          "The Ready condition is Unknown: the node controller no longer hears from the kubelet");
    }
    Instant heartbeat = observation.lastHeartbeat();
    if (heartbeat != null) {
      Duration age = Duration.between(heartbeat, now);
      if (age.compareTo(rules.heartbeatStaleAfter()) > 0) {
        problems.put(
            NodeHealthType.HeartbeatStale,
            "No heartbeat since "
                + heartbeat
                + " (threshold "
                + rules.heartbeatStaleAfter().toSeconds()
                + " s)");
      }
    }
    for (String condition : observation.trueConditions()) {
      NodeHealthType type = NodeHealthType.ofCondition(condition);
      if (type != null) {
        problems.put(type, "The " + condition + " condition is True");
      }
    }
    if (state.readyTransitions.size() >= rules.flappingTransitions()) {
      problems.put(
          NodeHealthType.Flapping,
          state.readyTransitions.size()
              + " Ready transitions within "
              + rules.flappingWindow().toMinutes()
              + " min");
    }
    if (state.evictions.size() >= rules.evictions()) {
      problems.put(
          NodeHealthType.FrequentEvictions,
          state.evictions.size()
              + " pod evictions within "
              + rules.evictionWindow().toMinutes()
              + " min");
    }
    if (state.cordonedSince != null
        && Duration.between(state.cordonedSince, now).compareTo(rules.cordonedTooLongAfter())
            >= 0) {
      problems.put(
          NodeHealthType.CordonedTooLong,
          "Unschedulable since " + state.cordonedSince + " (at least, as seen by Kubeward)");
    }
    return problems;
  }
}
