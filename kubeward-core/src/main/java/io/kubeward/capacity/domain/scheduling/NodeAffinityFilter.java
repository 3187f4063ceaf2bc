package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * NodeAffinity (Filter): the node's labels match every entry of the pod's {@code nodeSelector} and
 * at least one term of its required node affinity (terms are ORed, a term's expressions ANDed;
 * operators In, NotIn, Exists, DoesNotExist, Gt, Lt; {@code matchFields} on {@code metadata.name}).
 */
public final class NodeAffinityFilter implements SchedulingFilter {

  @Override
  public @Nullable Rejection check(PodShape pod, SchedulingNode node, SchedulingState state) {
    return matches(pod, node) ? null : Rejection.of(Rejection.NODE_AFFINITY);
  }

  /** Whether {@code node} satisfies the pod's node selector and required node affinity. */
  public static boolean matches(PodShape pod, SchedulingNode node) {
    for (Map.Entry<String, String> e : pod.nodeSelector().entrySet()) {
      if (!e.getValue().equals(node.labels().get(e.getKey()))) {
        return false;
      }
    }
    if (pod.requiredNodeAffinity() == null
        || pod.requiredNodeAffinity().getNodeSelectorTerms() == null) {
      return true;
    }
    for (NodeSelectorTerm term : pod.requiredNodeAffinity().getNodeSelectorTerms()) {
      if (termMatches(term, node)) {
        return true;
      }
    }
    return false;
  }

  private static boolean termMatches(NodeSelectorTerm term, SchedulingNode node) {
    List<NodeSelectorRequirement> expressions = term.getMatchExpressions();
    List<NodeSelectorRequirement> fields = term.getMatchFields();
    boolean empty =
        (expressions == null || expressions.isEmpty()) && (fields == null || fields.isEmpty());
    if (empty) {
      return false; // an empty term matches no node
    }
    if (expressions != null) {
      for (NodeSelectorRequirement r : expressions) {
        if (!requirementMatches(r, node.labels().get(r.getKey()))) {
          return false;
        }
      }
    }
    if (fields != null) {
      for (NodeSelectorRequirement r : fields) {
        String value = "metadata.name".equals(r.getKey()) ? node.name() : null;
        if (!requirementMatches(r, value)) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean requirementMatches(NodeSelectorRequirement r, @Nullable String value) {
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    return switch (r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt", "Lt" -> compare(r.getOperator(), value, values);
      default -> false;
    };
  }

  private static boolean compare(String operator, @Nullable String value, List<String> values) {
    if (value == null || values.size() != 1) {
      return false;
    }
    try {
      long label = Long.parseLong(value);
      long bound = Long.parseLong(values.getFirst());
      return "Gt".equals(operator) ? label > bound : label < bound;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
