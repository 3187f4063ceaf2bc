package io.kubeward.maintenance.domain;

import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.common.Names;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one validator of a NodeMaintenance spec, used by the REST API before anything is created and
 * by the controller before it acts on an object created with kubectl.
 */
public final class MaintenanceValidation {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

  /** The most nodes worked on at once. */
  public static final int MAX_CONCURRENCY = 1000;

  /** The longest grace period a drain may give a pod: one day. */
  public static final int MAX_GRACE_PERIOD_SECONDS = 86_400;

  /** The longest drain (also {@code timeoutSeconds} of a drain request): seven days. */
  public static final Duration MAX_DRAIN_TIMEOUT = Duration.ofDays(7);

  /** The longest wait before a drain reports budgets blocking it: seven days. */
  public static final Duration MAX_BLOCKED_REPORT_AFTER = Duration.ofDays(7);

  /** The longest a node may take to be Ready after its action: one day. */
  public static final Duration MAX_READY_TIMEOUT = Duration.ofDays(1);

  /** The longest an action (a Job, a condition, an annotation) may take: seven days. */
  public static final Duration MAX_ACTION_TIMEOUT = Duration.ofDays(7);

  /** The longest {@code Wait} action: seven days. */
  public static final Duration MAX_WAIT = Duration.ofDays(7);

  private MaintenanceValidation() {}

  /**
   * @throws InvalidMaintenanceException naming the first offending field
   */
  public static void validateName(String name) {
    if (!Names.isObjectName(name)) {
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
      if (!Names.isObjectName(node)) {
        throw new InvalidMaintenanceException("nodes", "\"" + node + "\" is not a node name");
      }
    }
    if (spec.nodes().stream().distinct().count() != spec.nodes().size()) {
      throw new InvalidMaintenanceException("nodes", "a node is listed twice");
    }
    if (selector) {
      selector("nodeSelector", spec.nodeSelector());
    }
    if (spec.concurrency() < 1 || spec.concurrency() > MAX_CONCURRENCY) {
      throw new OutOfRangeException(
          "concurrency", "1", Integer.toString(MAX_CONCURRENCY), spec.concurrency().toString());
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
    duration("drain.timeout", spec.drain().timeout(), Duration.ofSeconds(1), MAX_DRAIN_TIMEOUT);
    duration(
        "drain.blockedReportAfter",
        spec.drain().blockedReportAfter(),
        Duration.ZERO,
        MAX_BLOCKED_REPORT_AFTER);
    if (spec.drain().gracePeriodSeconds() != null) {
      seconds(
          "drain.gracePeriodSeconds",
          spec.drain().gracePeriodSeconds().longValue(),
          0,
          MAX_GRACE_PERIOD_SECONDS);
    }
    duration("readyTimeout", spec.readyTimeout(), Duration.ZERO, MAX_READY_TIMEOUT);
    duration("actionTimeout", spec.actionTimeout(), Duration.ZERO, MAX_ACTION_TIMEOUT);
  }

  /**
   * The numbers of a drain request ({@code POST /nodes/{node}/drain}), in seconds as sent.
   *
   * @throws OutOfRangeException naming the field and its range
   */
  public static void validateDrainRequest(
      Long timeoutSeconds, Long blockedReportAfterSeconds, Integer gracePeriodSeconds) {
    if (timeoutSeconds != null) {
      seconds("timeoutSeconds", timeoutSeconds, 1, MAX_DRAIN_TIMEOUT.toSeconds());
    }
    if (blockedReportAfterSeconds != null) {
      seconds(
          "blockedReportAfterSeconds",
          blockedReportAfterSeconds,
          0,
          MAX_BLOCKED_REPORT_AFTER.toSeconds());
    }
    if (gracePeriodSeconds != null) {
      seconds("gracePeriodSeconds", gracePeriodSeconds.longValue(), 0, MAX_GRACE_PERIOD_SECONDS);
    }
  }

  private static void seconds(String field, long value, long minimum, long maximum) {
    if (value < minimum || value > maximum) {
      throw new OutOfRangeException(
          field, Long.toString(minimum), Long.toString(maximum), Long.toString(value));
    }
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
        if (Names.labelKeyProblem(key) != null) {
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
        duration("action.duration", action.duration(), Duration.ZERO, MAX_WAIT);
      }
      case None -> {}
    }
  }

  private static void selector(String field, NodeSelector selector) {
    selector
        .matchLabels()
        .forEach(
            (k, v) -> {
              if (Names.labelKeyProblem(k) != null) {
                throw new InvalidMaintenanceException(field, "\"" + k + "\" is not a label key");
              }
              if (v == null || Names.labelValueProblem(v) != null) {
                throw new InvalidMaintenanceException(field, "\"" + v + "\" is not a label value");
              }
            });
    for (NodeSelector.Requirement r : selector.matchExpressions()) {
      if (Names.labelKeyProblem(r.key()) != null) {
        throw new InvalidMaintenanceException(field, "\"" + r.key() + "\" is not a label key");
      }
    }
    try {
      selector.toLabelSelector();
    } catch (LabelSelector.InvalidSelectorException e) {
      throw new InvalidMaintenanceException(field, e.getMessage());
    }
  }

  private static void duration(String field, String value, Duration minimum, Duration maximum) {
    if (value == null) {
      return;
    }
    try {
      GoDuration.parseBounded(field, value, minimum, maximum);
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
