package io.kubeward.alert.domain.channel.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.alert.domain.channel.NotificationText;
import io.kubeward.alert.domain.channel.OutboundMessage;
import io.kubeward.alert.domain.channel.RenderedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Alerts, notifications and channels for the vendor type tests. */
final class VendorFixtures {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  static final Instant NOW = T0.plusSeconds(310);
  private static final ObjectMapper JSON = new ObjectMapper();

  private VendorFixtures() {}

  static Alert alert(String pod, String severity, AlertState state) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(AlertLabels.ALERTNAME, "pod-crash-looping");
    labels.put(AlertLabels.CLUSTER, "local");
    labels.put(AlertLabels.SEVERITY, severity);
    labels.put(AlertLabels.RULE, "pod-crash-looping");
    labels.put(AlertLabels.NAMESPACE, "shop");
    labels.put(AlertLabels.POD, pod);
    return new Alert(
        AlertLabels.fingerprint(labels),
        AlertScope.ofCluster("local"),
        RuleKey.of("pod-crash-looping"),
        new TreeMap<>(labels),
        Map.of(
            AlertLabels.SUMMARY,
            "Pod " + pod + " is crash-looping",
            AlertLabels.SUMMARY + AlertLabels.ZH_SUFFIX,
            "Pod " + pod + " 反复崩溃重启",
            AlertLabels.RUNBOOK_URL,
            "https://kubeward.example/runbooks/pod.crash-loop"),
        state,
        T0,
        T0.plusSeconds(60),
        state == AlertState.RESOLVED ? T0.plusSeconds(300) : null,
        T0.plusSeconds(300),
        null);
  }

  static Notification notification(List<Alert> firing, List<Alert> resolved, boolean test) {
    return new Notification(
        "ops",
        AlertScope.ofCluster("local"),
        "{}/{alertname=\"pod-crash-looping\"}",
        Map.of(AlertLabels.ALERTNAME, "pod-crash-looping"),
        firing,
        resolved,
        NOW,
        test);
  }

  static Notification firing(String severity, int pods) {
    return notification(
        IntStream.range(0, pods)
            .mapToObj(i -> alert("web-" + i, severity, AlertState.FIRING))
            .toList(),
        List.of(),
        false);
  }

  static Notification resolved(int pods) {
    return notification(
        List.of(),
        IntStream.range(0, pods)
            .mapToObj(i -> alert("web-" + i, "critical", AlertState.RESOLVED))
            .toList(),
        false);
  }

  static ChannelSettings channel(
      String type,
      ChannelLanguage language,
      Map<String, String> settings,
      Map<String, String> secrets) {
    return new ChannelSettings(
        "ops", type, true, language, settings, secrets, null, null, 10, true);
  }

  static ChannelSettings withRate(ChannelSettings s, int maxPerMinute) {
    return new ChannelSettings(
        s.name(),
        s.type(),
        s.enabled(),
        s.language(),
        s.settings(),
        s.secrets(),
        s.titleTemplate(),
        s.bodyTemplate(),
        maxPerMinute,
        s.allowPrivateAddresses());
  }

  static RenderedText text(Notification n, ChannelSettings s) {
    return NotificationText.render(n, s.language(), s.titleTemplate(), s.bodyTemplate());
  }

  static HttpPost post(OutboundMessage message) {
    return (HttpPost) message;
  }

  static JsonNode json(HttpPost post) {
    try {
      return JSON.readTree(post.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
