package io.kubeward.upgrade.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A deprecated API the apiserver has served since it started, from its {@code
 * apiserver_requested_deprecated_apis} gauge ({@code removedRelease} "" when no removal is
 * scheduled, e.g. custom resources).
 */
public record DeprecatedApiRequest(
    String group, String version, String resource, String subresource, String removedRelease) {

  public static final String METRIC = "apiserver_requested_deprecated_apis";

  /** At most this many series are read from one scrape (the gauge has one per resource). */
  public static final int MAX_SERIES = 1_000;

  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public Optional<KubeMinor> removedIn() {
    return Optional.ofNullable(KubeMinor.parse(removedRelease));
  }

  /**
   * The gauge's series with value 1 in a Prometheus text exposition; other metrics, comments and
   * malformed lines are skipped; subresources fold into their resource.
   */
  public static List<DeprecatedApiRequest> parse(String exposition) {
    Map<String, DeprecatedApiRequest> found = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (String line : exposition.split("\n")) {
      if (!line.startsWith(METRIC + "{") || found.size() >= MAX_SERIES) {
        continue;
      }
      int close = line.lastIndexOf('}');
      if (close < 0) {
        continue;
      }
      String value = line.substring(close + 1).strip();
      if (!value.startsWith("1")) {
        continue;
      }
      Map<String, String> labels = labels(line.substring(METRIC.length() + 1, close));
      if (labels == null || !labels.containsKey("resource") || !labels.containsKey("version")) {
        continue;
      }
      DeprecatedApiRequest r =
          new DeprecatedApiRequest(
              labels.getOrDefault("group", ""),
              labels.get("version"),
              labels.get("resource"),
              labels.getOrDefault("subresource", ""),
              labels.getOrDefault("removed_release", ""));
      String key = r.groupVersion() + "/" + r.resource();
      if (found.putIfAbsent(key, r) == null) {
        order.add(key);
      }
    }
    return order.stream().map(found::get).toList();
  }

  private static @Nullable Map<String, String> labels(String text) {
    Map<String, String> labels = new HashMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf("=\"", i);
      if (eq < 0) {
        return null;
      }
      String name = text.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (j < text.length() && text.charAt(j) != '"') {
        if (text.charAt(j) == '\\' && j + 1 < text.length()) {
          j++;
        }
        value.append(text.charAt(j));
        j++;
      }
      if (j >= text.length()) {
        return null;
      }
      labels.put(name, value.toString());
      i = j + 1;
      while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
        i++;
      }
    }
    return labels;
  }
}
