package io.kubeward.node.domain;

import io.kubeward.cluster.domain.NodeTaint;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

  static final int MAX_NAME = 63;
  static final int MAX_PREFIX = 253;
  public static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

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
    if (key == null || key.isEmpty()) {
      return "the key is empty";
    }
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > MAX_PREFIX) {
        return "the prefix must have 1 to " + MAX_PREFIX + " characters";
      }
      if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return "the prefix must be a DNS subdomain (lower-case letters, digits, '-' and '.')";
      }
    }
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return "the name must have 1 to " + MAX_NAME + " characters";
    }
    if (!NAME.matcher(name).matches()) {
      return "the name must start and end with a letter or digit and contain only letters,"
          + " digits, '-', '_' and '.'";
    }
    return null;
  }

  /** Why {@code value} is no valid label or taint value, or {@code null} if it is one. */
  static String valueProblem(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > MAX_NAME) {
      return "the value must have at most " + MAX_NAME + " characters";
    }
    if (!NAME.matcher(value).matches()) {
      return "the value must start and end with a letter or digit and contain only letters,"
          + " digits, '-', '_' and '.'";
    }
    return null;
  }
}
