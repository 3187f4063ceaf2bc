package io.kubeward.alert.domain.channel;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.RuleKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alerts and notifications for channel tests. */
public final class ChannelFixtures {

  public static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  private ChannelFixtures() {}

  public static Alert alert(String node, AlertState state) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(AlertLabels.ALERTNAME, "node-not-ready");
    labels.put(AlertLabels.CLUSTER, "local");
    labels.put(AlertLabels.SEVERITY, "critical");
    labels.put(AlertLabels.RULE, "node-not-ready");
    labels.put(AlertLabels.NODE, node);
    return new Alert(
        AlertLabels.fingerprint(labels),
        AlertScope.ofCluster("local"),
        RuleKey.of("node-not-ready"),
        new TreeMap<>(labels),
        Map.of(
            AlertLabels.SUMMARY,
            "Node " + node + " is not ready",
            AlertLabels.SUMMARY + AlertLabels.ZH_SUFFIX,
            "节点 " + node + " 未就绪",
            AlertLabels.RUNBOOK_URL,
            "/api/v1/diagnostics/rules/node.not-ready/runbook"),
        state,
        T0,
        T0.plusSeconds(60),
        state == AlertState.RESOLVED ? T0.plusSeconds(300) : null,
        T0.plusSeconds(300),
        null);
  }

  public static Notification notification(
      String channel, List<Alert> firing, List<Alert> resolved) {
    return new Notification(
        channel,
        AlertScope.ofCluster("local"),
        "{}/{alertname=\"node-not-ready\",cluster=\"local\"}",
        Map.of(AlertLabels.ALERTNAME, "node-not-ready", AlertLabels.CLUSTER, "local"),
        firing,
        resolved,
        T0.plusSeconds(310),
        false);
  }

  public static Notification firing(String channel, String... nodes) {
    return notification(
        channel,
        java.util.Arrays.stream(nodes).map(n -> alert(n, AlertState.FIRING)).toList(),
        List.of());
  }

  public static ChannelSettings webhook(String name, String url, Map<String, String> secrets) {
    return new ChannelSettings(
        name,
        WebhookChannelType.TYPE,
        true,
        ChannelLanguage.EN,
        Map.of(WebhookChannelType.URL, url),
        secrets,
        null,
        null,
        30,
        true);
  }
}
