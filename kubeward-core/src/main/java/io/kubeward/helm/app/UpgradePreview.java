package io.kubeward.helm.app;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an upgrade would change, shown before it is made: the user values diff (current revision →
 * new) and, per object helm rendered in a server-side dry run, the diff against the live object.
 *
 * @param valuesDiff unified diff, empty when the values are equal
 * @param objects one entry per rendered object, in manifest order
 */
public record UpgradePreview(
    int currentRevision, String chart, String valuesDiff, List<HelmObjectChange> objects) {

  public UpgradePreview {
    objects = List.copyOf(objects);
  }

  /**
   * One rendered object.
   *
   * @param diff unified diff live → rendered ({@code /dev/null} for a new object); empty if equal
   * @param problem why the object could not be compared (the cluster's refusal), else {@code null}
   */
  public record HelmObjectChange(
      String kind,
      String namespace,
      String name,
      boolean changed,
      String diff,
      @Nullable String problem) {}
}
