package io.kubeward.alert.domain.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A compiled route: its path in the tree ({@code 0} the root, {@code 0.2.1} the second child of the
 * third child), its matchers and its settings with the parent's already inherited.
 *
 * @param groupBy the labels whose values form a group; ignored when {@code groupByAll} ({@code
 *     ...}: every label)
 */
public record Route(
    String path,
    List<LabelMatcher> matchers,
    List<String> channels,
    Set<String> groupBy,
    boolean groupByAll,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    boolean sendResolved,
    boolean continueMatching,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals,
    List<Route> routes) {

  /**
   * The routes that take an alert with {@code labels}, depth first as Alertmanager does: a route
   * whose matchers hold hands the alert to its first matching child (and the following ones while a
   * matching child says {@code continue}); where no child matches, the route takes it itself. Empty
   * when this route's matchers do not hold.
   */
  public List<Route> match(Map<String, String> labels) {
    if (!LabelMatcher.all(matchers, labels)) {
      return List.of();
    }
    List<Route> all = new ArrayList<>();
    for (Route child : routes) {
      List<Route> matched = child.match(labels);
      all.addAll(matched);
      if (!matched.isEmpty() && !child.continueMatching()) {
        break;
      }
    }
    if (all.isEmpty()) {
      all.add(this);
    }
    return all;
  }

  /** The labels that identify an alert's group on this route (only those it carries). */
  public SortedMap<String, String> groupLabels(Map<String, String> labels) {
    SortedMap<String, String> out = new TreeMap<>();
    if (groupByAll) {
      out.putAll(labels);
      return out;
    }
    for (String name : groupBy) {
      String v = labels.get(name);
      if (v != null) {
        out.put(name, v);
      }
    }
    return out;
  }

  /**
   * The group key: this route's path and the group's labels in Prometheus' form, e.g. {@code
   * 0.1:{alertname="node-not-ready",cluster="prod"}}.
   */
  public String groupKey(SortedMap<String, String> groupLabels) {
    StringBuilder out = new StringBuilder(path).append(":{");
    boolean first = true;
    for (Map.Entry<String, String> e : groupLabels.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(e.getKey())
          .append("=\"")
          .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return out.append('}').toString();
  }
}
