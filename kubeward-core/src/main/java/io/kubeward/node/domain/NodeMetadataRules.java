package io.kubeward.node.domain;

import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.common.Names;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The syntax Kubernetes requires of label keys and values and of taints, checked before anything is
 * sent, so that an edit is refused as a whole with the offending key.
 *
 * <ul>
 *   <li>key: an optional prefix (a DNS subdomain of at most 253 characters) and {@code /}, then a
 *       name of 1 to 63 characters {@code [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?}
 *   <li>value: empty, or at most 63 characters of the same form as a name
 *   <li>taint effect: {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}; one taint
 *       per key and effect
 * </ul>
 */
public final class NodeMetadataRules {

  public static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private NodeMetadataRules() {}

  /**
   * @throws InvalidNodeMetadataException for the first invalid label, then the first invalid taint
   */
  public static void validate(NodeMetadata metadata) {
    for (Map.Entry<String, String> label : metadata.labels().entrySet()) {
      String keyProblem = keyProblem(label.getKey());
      if (keyProblem != null) {
        throw InvalidNodeMetadataException.label(label.getKey(), keyProblem);
      }
      String valueProblem = valueProblem(label.getValue());
      if (valueProblem != null) {
        throw InvalidNodeMetadataException.label(label.getKey(), valueProblem);
      }
    }
    Set<String> seen = new HashSet<>();
    for (NodeTaint taint : metadata.taints()) {
      String keyProblem = keyProblem(taint.key());
      if (keyProblem != null) {
        throw InvalidNodeMetadataException.taint(taint.key(), keyProblem);
      }
      String valueProblem = valueProblem(taint.value());
      if (valueProblem != null) {
        throw InvalidNodeMetadataException.taint(taint.key(), valueProblem);
      }
      if (taint.effect() == null || !EFFECTS.contains(taint.effect())) {
        throw InvalidNodeMetadataException.taint(
            taint.key(),
            "effect \""
                + taint.effect()
                + "\" is not one of NoSchedule, PreferNoSchedule, NoExecute");
      }
      if (!seen.add(taint.key() + ":" + taint.effect())) {
        throw InvalidNodeMetadataException.taint(
            taint.key(), "a taint with this key and effect " + taint.effect() + " is given twice");
      }
    }
  }

  /** Why {@code key} is no valid label or taint key, or {@code null} if it is one. */
  static String keyProblem(String key) {
    return Names.labelKeyProblem(key);
  }

  /** Why {@code value} is no valid label or taint value, or {@code null} if it is one. */
  static String valueProblem(String value) {
    return Names.labelValueProblem(value);
  }
}
