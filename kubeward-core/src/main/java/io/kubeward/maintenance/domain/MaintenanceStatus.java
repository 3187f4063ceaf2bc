package io.kubeward.maintenance.domain;

import io.kubeward.runtime.domain.Condition;
import io.kubeward.runtime.domain.Conditions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The status of a NodeMaintenance: its phase, conditions and one entry per node. It is the
 * write-ahead log of the controller: a step is recorded here before it starts.
 */
public record MaintenanceStatus(
    MaintenancePhase phase,
    String message,
    List<Condition> conditions,
    List<NodeStatus> nodes,
    Long observedGeneration) {

  public MaintenanceStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  public static MaintenanceStatus start(List<String> nodeNames, long generation) {
    return new MaintenanceStatus(
        MaintenancePhase.Pending,
        null,
        List.of(),
        nodeNames.stream().map(NodeStatus::pending).toList(),
        generation);
  }

  public MaintenanceStatus withPhase(MaintenancePhase next, String text) {
    return new MaintenanceStatus(next, text, conditions, nodes, observedGeneration);
  }

  public MaintenanceStatus withGeneration(Long generation) {
    return new MaintenanceStatus(phase, message, conditions, nodes, generation);
  }

  public MaintenanceStatus withNode(String name, UnaryOperator<NodeStatus> change) {
    List<NodeStatus> next = new ArrayList<>(nodes.size());
    for (NodeStatus n : nodes) {
      next.add(n.name().equals(name) ? change.apply(n) : n);
    }
    return new MaintenanceStatus(phase, message, conditions, next, observedGeneration);
  }

  /**
   * Sets condition {@code type} for this status's observed generation; its {@code
   * lastTransitionTime} only moves when the status flips.
   */
  public MaintenanceStatus withCondition(
      String type, boolean status, MaintenanceReason reason, String text, Instant now) {
    return new MaintenanceStatus(
        phase,
        message,
        Conditions.set(conditions, type, status, reason, text, now, observedGeneration),
        nodes,
        observedGeneration);
  }

  public NodeStatus node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
  }

  public long count(java.util.function.Predicate<NodeStep> which) {
    return nodes.stream().filter(n -> which.test(n.step())).count();
  }

  public boolean sameAs(MaintenanceStatus other) {
    return Objects.equals(this, other);
  }
}
