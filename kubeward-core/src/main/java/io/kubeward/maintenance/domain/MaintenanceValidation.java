package io.kubeward.maintenance.domain;

import io.kubeward.cluster.domain.LabelSelector;
import java.time.DateTimeException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one validator of a NodeMaintenance spec, used by the REST API before anything is created and
 * by the controller before it acts on an object created with kubectl.
 */
public final class MaintenanceValidation {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private MaintenanceValidation() {}

  /**
   * @throws InvalidMaintenanceException naming the first offending field
   */
  public static void validateName(String name) {
    if (name == null || name.length() > 253 || !NAME.matcher(name).matches()) {
      throw new InvalidMaintenanceException(
          "name", "\"" + name + "\" is not a valid object name (lower-case DNS subdomain)");
    }
  }

  /**
   * @throws InvalidMaintenanceException naming the first offending field
   */
  public static void validate(MaintenanceSpec spec) {
    if (spec == null) {
      throw new InvalidMaintenanceException("spec", "missing");
    }
    boolean selector = spec.nodeSelector() != null && !spec.nodeSelector().selectsAll();
    if (spec.nodes().isEmpty() && !selector) {
      throw new InvalidMaintenanceException("nodes", "give nodes or a nodeSelector");
    }
    if (!spec.nodes().isEmpty() && selector) {
      throw new InvalidMaintenanceException(
          "nodeSelector", "give nodes or a nodeSelector, not both");
    }
    for (String node : spec.nodes()) {
      if (node == null || !NAME.matcher(node).matches()) {
        throw new InvalidMaintenanceException("nodes", "\"" + node + "\" is not a node name");
      }
    }
    if (spec.nodes().stream().distinct().count() != spec.nodes().size()) {
      throw new InvalidMaintenanceException("nodes", "a node is listed twice");
    }
    if (selector) {
      selector("nodeSelector", spec.nodeSelector());
    }
    if (spec.concurrency() < 1) {
      throw new InvalidMaintenanceException(
          "concurrency", "must be at least 1, is " + spec.concurrency());
    }
    action(spec.action());
    for (int i = 0; i < spec.windows().size(); i++) {
      try {
        spec.windows().get(i).validate();
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new InvalidMaintenanceException("windows[" + i + "]", e.getMessage());
      }
    }
    if (spec.blockers() != null && spec.blockers().podSelector() != null) {
      selector("blockers.podSelector", spec.blockers().podSelector());
    }
    duration("drain.timeout", spec.drain().timeout());
    duration("drain.blockedReportAfter", spec.drain().blockedReportAfter());
    if (spec.drain().gracePeriodSeconds() != null && spec.drain().gracePeriodSeconds() < 0) {
      throw new InvalidMaintenanceException("drain.gracePeriodSeconds", "must not be negative");
    }
    duration("readyTimeout", spec.readyTimeout());
    duration("actionTimeout", spec.actionTimeout());
  }

  private static void action(MaintenanceAction action) {
    ActionType type;
    try {
      type = action.actionType();
    } catch (IllegalArgumentException e) {
      throw new InvalidMaintenanceException("action.type", e.getMessage());
    }
    switch (type) {
      case WaitForCondition -> require("action.conditionType", action.conditionType());
      case WaitForAnnotation -> {
        require("action.annotation", action.annotation());
        String key = action.annotation().split("=", 2)[0];
        if (LabelSelector.keyProblem(key) != null) {
          throw new InvalidMaintenanceException(
              "action.annotation", "\"" + key + "\" is not an annotation key");
        }
      }
      case Job -> {
        if (action.job() == null) {
          throw new InvalidMaintenanceException("action.job", "missing");
        }
        require("action.job.image", action.job().image());
      }
      case Wait -> {
        require("action.duration", action.duration());
        duration("action.duration", action.duration());
      }
      case None -> {}
    }
  }

  private static void selector(String field, NodeSelector selector) {
    selector
        .matchLabels()
        .forEach(
            (k, v) -> {
              if (LabelSelector.keyProblem(k) != null) {
                throw new InvalidMaintenanceException(field, "\"" + k + "\" is not a label key");
              }
              if (LabelSelector.valueProblem(v) != null) {
                throw new InvalidMaintenanceException(field, "\"" + v + "\" is not a label value");
              }
            });
    for (NodeSelector.Requirement r : selector.matchExpressions()) {
      if (LabelSelector.keyProblem(r.key()) != null) {
        throw new InvalidMaintenanceException(field, "\"" + r.key() + "\" is not a label key");
      }
    }
    try {
      selector.toLabelSelector();
    } catch (LabelSelector.InvalidSelectorException e) {
      throw new InvalidMaintenanceException(field, e.getMessage());
    }
  }

  private static void duration(String field, String value) {
    if (value == null) {
      return;
    }
    try {
      if (GoDuration.parse(value).isNegative()) {
        throw new IllegalArgumentException("must not be negative");
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidMaintenanceException(field, e.getMessage());
    }
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidMaintenanceException(field, "missing");
    }
  }

  /**
   * The nodes in batches of {@code concurrency}, in the order they will be maintained (the given
   * order).
   */
  public static List<List<String>> batches(List<String> nodes, int concurrency) {
    List<String> ordered = List.copyOf(nodes);
    java.util.ArrayList<List<String>> out = new java.util.ArrayList<>();
    for (int i = 0; i < ordered.size(); i += concurrency) {
      out.add(ordered.subList(i, Math.min(ordered.size(), i + concurrency)));
    }
    return out;
  }
}
