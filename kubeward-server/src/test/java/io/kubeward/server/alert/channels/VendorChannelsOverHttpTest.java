package io.kubeward.server.alert.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelType;
import io.kubeward.alert.domain.channel.ChannelValidator;
import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.alert.domain.channel.NotificationText;
import io.kubeward.alert.domain.channel.vendor.AlertmanagerChannelType;
import io.kubeward.alert.domain.channel.vendor.DingTalkChannelType;
import io.kubeward.alert.domain.channel.vendor.FeishuChannelType;
import io.kubeward.alert.domain.channel.vendor.SlackChannelType;
import io.kubeward.alert.domain.channel.vendor.WeComChannelType;
import io.kubeward.testkit.alertmanager.LocalAlertmanager;
import io.kubeward.testkit.receiver.DingTalkReceiver;
import io.kubeward.testkit.receiver.FeishuReceiver;
import io.kubeward.testkit.receiver.RecordingReceiver;
import io.kubeward.testkit.receiver.SlackReceiver;
import io.kubeward.testkit.receiver.VendorReceiver;
import io.kubeward.testkit.receiver.WeComReceiver;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The vendor channel types over real HTTP on 127.0.0.1: each renders (and signs) a notification, it
 * is POSTed as the delivery does (no redirects), the testkit's vendor receiver verifies it as the
 * vendor does and answers the vendor's JSON, and the type's {@code failure} judges the answer. With
 * the right secret the receiver accepts and the type sees success; with a wrong secret (or token,
 * or a stale timestamp) the receiver rejects and the type reports the vendor's error as a failure.
 * Alertmanager is a real one (v0.35.0, built by the testkit), which also routes what it got to a
 * webhook.
 */
class VendorChannelsOverHttpTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @AfterAll
  static void closeClient() {
    HTTP.close();
  }

  @Test
  void dingTalkSignedModeIsAcceptedAndAWrongSecretOrAStaleTimestampIsAFailure() throws Exception {
    DingTalkChannelType type = new DingTalkChannelType();
    try (DingTalkReceiver robot = DingTalkReceiver.signed("tok-1", "SECright0123456789")) {
      ChannelSettings good = channel(type, ChannelLanguage.ZH_CN, robot, "SECright0123456789");
      assertThat(deliver(type, good, Instant.now())).isEmpty();
      VendorReceiver.Verdict accepted = robot.awaitAccepted(WAIT);
      assertThat(accepted.request().bodyText()).contains("\"msgtype\":\"markdown\"", "反复崩溃重启");

      ChannelSettings wrong = channel(type, ChannelLanguage.ZH_CN, robot, "SECwrong0123456789");
      assertThat(deliver(type, wrong, Instant.now()))
          .get()
          .asString()
          .startsWith("DingTalk errcode 310000: sign not match");
      assertThat(robot.awaitRejected(WAIT).reason()).isEqualTo("sign does not match");

      assertThat(deliver(type, good, Instant.now().minus(Duration.ofHours(2))))
          .get()
          .asString()
          .contains("310000", "invalid timestamp");
    }
  }

  @Test
  void feishuSignatureIsAcceptedAndAWrongSecretIsAFailure() throws Exception {
    FeishuChannelType type = new FeishuChannelType();
    try (FeishuReceiver bot = FeishuReceiver.signed("hook-1", "feishu-right")) {
      for (String format : List.of("interactive", "text")) {
        ChannelSettings good =
            withSetting(channel(type, ChannelLanguage.EN, bot, "feishu-right"), "format", format);
        assertThat(deliver(type, good, Instant.now())).isEmpty();
      }
      assertThat(bot.verdicts()).allMatch(VendorReceiver.Verdict::accepted).hasSize(2);
      ChannelSettings wrong = channel(type, ChannelLanguage.EN, bot, "feishu-wrong");
      assertThat(deliver(type, wrong, Instant.now()))
          .get()
          .asString()
          .startsWith("Feishu code 19021: sign match fail");
      assertThat(bot.awaitRejected(WAIT).reason()).isEqualTo("sign does not match");
    }
  }

  @Test
  void weComKeyIsAcceptedAndAnotherKeyIsAFailure() throws Exception {
    WeComChannelType type = new WeComChannelType();
    try (WeComReceiver robot = WeComReceiver.start("key-1")) {
      ChannelSettings good =
          settings(
              type.type(),
              ChannelLanguage.ZH_CN,
              Map.of(),
              Map.of("url", robot.webhookUrl().toString()));
      assertThat(deliver(type, good, Instant.now())).isEmpty();
      assertThat(robot.awaitAccepted(WAIT).request().bodyText())
          .contains("\"msgtype\":\"markdown\"");
      ChannelSettings wrong =
          settings(
              type.type(),
              ChannelLanguage.ZH_CN,
              Map.of(),
              Map.of("url", robot.webhookUrl().toString().replace("key-1", "key-2")));
      assertThat(deliver(type, wrong, Instant.now()))
          .get()
          .asString()
          .startsWith("WeCom errcode 93000: invalid webhook url");
    }
  }

  @Test
  void slackWebhookIsAcceptedAndAnUnknownWebhookIsAFailure() throws Exception {
    SlackChannelType type = new SlackChannelType();
    try (SlackReceiver slack = SlackReceiver.start("T0/B0/right")) {
      ChannelSettings good =
          settings(
              type.type(),
              ChannelLanguage.EN,
              Map.of(),
              Map.of("url", slack.webhookUrl().toString()));
      assertThat(deliver(type, good, Instant.now())).isEmpty();
      assertThat(slack.awaitAccepted(WAIT).request().bodyText()).contains("\"blocks\"");
      ChannelSettings wrong =
          settings(
              type.type(),
              ChannelLanguage.EN,
              Map.of(),
              Map.of("url", slack.webhookUrl().toString().replace("right", "wrong")));
      assertThat(deliver(type, wrong, Instant.now())).contains("HTTP 404: no_service");
    }
  }

  @Test
  void aRealAlertmanagerTakesFiringAndResolvedAlertsAndRoutesThem() throws Exception {
    AlertmanagerChannelType type = new AlertmanagerChannelType();
    try (RecordingReceiver routed = RecordingReceiver.start();
        LocalAlertmanager am = LocalAlertmanager.builder().webhook(routed.url("/am")).start()) {
      ChannelSettings s =
          settings(
              type.type(),
              ChannelLanguage.EN,
              Map.of("url", am.baseUrl(), "generatorUrl", "https://kubeward.example"),
              Map.of());
      assertThat(deliver(type, s, Instant.now())).isEmpty();
      JsonNode held =
          am.awaitAlert(a -> "web-0".equals(a.path("labels").path("pod").asText()), WAIT);
      assertThat(held.path("labels").path("alertname").asText()).isEqualTo("pod-crash-looping");
      assertThat(held.path("annotations").path("summary_zh_CN").asText()).contains("反复崩溃重启");
      assertThat(held.path("generatorURL").asText()).startsWith("https://kubeward.example/alerts/");
      assertThat(held.path("status").path("state").asText()).isEqualTo("active");
      RecordingReceiver.Request firing =
          routed.awaitRequest(r -> r.bodyContains("\"status\":\"firing\""), WAIT);
      assertThat(firing.bodyText()).contains("pod-crash-looping");

      Notification resolved = notification(AlertState.RESOLVED, Instant.now().minusSeconds(1));
      assertThat(send(type, s, resolved, Instant.now())).isEmpty();
      routed.awaitRequest(r -> r.bodyContains("\"status\":\"resolved\""), WAIT);

      ChannelSettings unreachableApi =
          settings(
              type.type(), ChannelLanguage.EN, Map.of("url", am.baseUrl() + "/nope"), Map.of());
      assertThat(deliver(type, unreachableApi, Instant.now()))
          .get()
          .asString()
          .startsWith("HTTP 404");
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A channel of a signing type pointed at a vendor receiver, with a signing secret. */
  private static ChannelSettings channel(
      ChannelType type, ChannelLanguage language, VendorReceiver receiver, String secret) {
    return settings(
        type.type(),
        language,
        Map.of(),
        Map.of("url", receiver.webhookUrl().toString(), "secret", secret));
  }

  private static ChannelSettings withSetting(ChannelSettings s, String name, String value) {
    Map<String, String> more = new TreeMap<>(s.settings());
    more.put(name, value);
    return settings(s.type(), s.language(), more, s.secrets());
  }

  private static ChannelSettings settings(
      String type,
      ChannelLanguage language,
      Map<String, String> settings,
      Map<String, String> secrets) {
    return new ChannelSettings(
        "vendor-test", type, true, language, settings, secrets, null, null, 10, true);
  }

  /** Validates, renders a firing notification at {@code now}, sends it, judges the answer. */
  private static Optional<String> deliver(ChannelType type, ChannelSettings s, Instant now)
      throws IOException, InterruptedException {
    return send(type, s, notification(AlertState.FIRING, null), now);
  }

  private static Optional<String> send(
      ChannelType type, ChannelSettings s, Notification n, Instant now)
      throws IOException, InterruptedException {
    assertThat(ChannelValidator.validate(s, type)).isEmpty();
    assertThat(type.destinations(s)).isNotEmpty();
    HttpPost post =
        (HttpPost)
            type.render(
                n,
                s,
                NotificationText.render(n, s.language(), s.titleTemplate(), s.bodyTemplate()),
                now);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(post.url())
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
    post.headers().forEach(request::header);
    HttpResponse<String> answer =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return type.failure(answer.statusCode(), answer.body());
  }

  private static Notification notification(AlertState state, Instant resolvedAt) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(AlertLabels.ALERTNAME, "pod-crash-looping");
    labels.put(AlertLabels.CLUSTER, "local");
    labels.put(AlertLabels.SEVERITY, "critical");
    labels.put(AlertLabels.RULE, "pod-crash-looping");
    labels.put(AlertLabels.NAMESPACE, "shop");
    labels.put(AlertLabels.POD, "web-0");
    Instant since = Instant.now().minusSeconds(120);
    Alert alert =
        new Alert(
            AlertLabels.fingerprint(labels),
            AlertScope.ofCluster("local"),
            RuleKey.of("pod-crash-looping"),
            new TreeMap<>(labels),
            Map.of(
                AlertLabels.SUMMARY,
                "Pod web-0 is crash-looping",
                AlertLabels.SUMMARY + AlertLabels.ZH_SUFFIX,
                "Pod web-0 反复崩溃重启"),
            state,
            since,
            since.plusSeconds(30),
            resolvedAt,
            Instant.now(),
            null);
    boolean firing = state == AlertState.FIRING;
    return new Notification(
        "vendor-test",
        AlertScope.ofCluster("local"),
        "{}/{alertname=\"pod-crash-looping\"}",
        Map.of(AlertLabels.ALERTNAME, "pod-crash-looping"),
        firing ? List.of(alert) : List.of(),
        firing ? List.of() : List.of(alert),
        Instant.now(),
        false);
  }
}
