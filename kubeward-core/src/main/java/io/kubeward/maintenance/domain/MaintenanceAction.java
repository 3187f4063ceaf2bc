package io.kubeward.maintenance.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The action of a NodeMaintenance on each drained node.
 *
 * @param type None (default), WaitForCondition, WaitForAnnotation, Job or Wait
 * @param conditionType the node condition that must become True (WaitForCondition)
 * @param annotation {@code key} or {@code key=value} the node must carry (WaitForAnnotation)
 * @param job the Job's container (Job)
 * @param duration how long to wait, e.g. {@code 10m} (Wait)
 */
public record MaintenanceAction(
    @Nullable String type,
    @Nullable String conditionType,
    @Nullable String annotation,
    @Nullable JobTemplate job,
    @Nullable String duration) {

  public static final MaintenanceAction NONE =
      new MaintenanceAction("None", null, null, null, null);

  /** The Job's one container: an image and its command. */
  public record JobTemplate(String image, @Nullable List<String> command) {
    public JobTemplate {
      command = command == null ? List.of() : List.copyOf(command);
    }
  }

  /**
   * @throws IllegalArgumentException for an unknown type
   */
  public ActionType actionType() {
    if (type == null || type.isBlank()) {
      return ActionType.None;
    }
    for (ActionType t : ActionType.values()) {
      if (t.name().equals(type)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown action \"" + type + "\" (None, WaitForCondition, WaitForAnnotation, Job, Wait)");
  }
}
