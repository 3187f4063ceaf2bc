package io.kubeward.server.alert.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.server.OfflineCluster;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.alertmanager.LocalAlertmanager;
import io.kubeward.testkit.receiver.DingTalkReceiver;
import io.kubeward.testkit.receiver.FeishuReceiver;
import io.kubeward.testkit.receiver.RecordingReceiver;
import io.kubeward.testkit.receiver.SlackReceiver;
import io.kubeward.testkit.receiver.WeComReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The vendor channel types through the channel REST API and the delivery engine ("send test
 * message"), against the testkit's vendor receivers on 127.0.0.1 and a real Alertmanager: the
 * vendor accepts the signed message and the test answers delivered; with a wrong secret or key the
 * vendor refuses and the test answers not delivered with the vendor's error code. The webhook URLs
 * (which hold the robots' tokens) are secrets and never answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorChannelsApiTest {

  static final String CHANNELS = "/api/v1/alerting/channels";
  static final Duration WAIT = Duration.ofSeconds(15);

  RunningServer server;

  @BeforeAll
  void start() {
    server = RunningServer.start("--kubeconfig", OfflineCluster.kubeconfig("offline").toString());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void clean() {
    for (JsonNode c : server.admin().get(CHANNELS).json()) {
      server.admin().delete(CHANNELS + "/" + c.path("name").asString());
    }
  }

  static Map<String, Object> channel(
      String name, String type, Map<String, String> settings, Map<String, String> secrets) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("type", type);
    body.put("language", "zh-CN");
    body.put("settings", settings);
    body.put("secrets", secrets);
    body.put("allowPrivateAddresses", true);
    body.put("maxPerMinute", 20);
    return body;
  }

  JsonNode test(String name) {
    RunningServer.Response answer = server.admin().post(CHANNELS + "/" + name + "/test", Map.of());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  void create(Map<String, Object> body) {
    RunningServer.Response created = server.admin().post(CHANNELS, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  void dingTalkSignedTestMessageIsAcceptedAndAWrongSecretIsReported() {
    try (DingTalkReceiver robot = DingTalkReceiver.signed("robot-token-1", "SECright0123")) {
      String url = robot.webhookUrl().toString();
      create(channel("ding", "dingtalk", Map.of(), Map.of("url", url, "secret", "SECright0123")));
      String answered = server.admin().get(CHANNELS + "/ding").body();
      assertThat(answered).doesNotContain("robot-token-1", "SECright0123");

      assertThat(test("ding").path("delivered").asBoolean()).isTrue();
      assertThat(robot.awaitAccepted(WAIT).request().bodyText()).contains("[测试]");

      create(channel("ding-wrong", "dingtalk", Map.of(), Map.of("url", url, "secret", "SECwrong")));
      JsonNode failed = test("ding-wrong");
      assertThat(failed.path("delivered").asBoolean()).isFalse();
      assertThat(failed.path("error").asString()).contains("310000", "sign not match");
      assertThat(robot.awaitRejected(WAIT).reason()).isEqualTo("sign does not match");
    }
  }

  @Test
  void feishuSignedTestMessageIsAcceptedAndAWrongSecretIsReported() {
    try (FeishuReceiver bot = FeishuReceiver.signed("hook-token-1", "feishu-right")) {
      String url = bot.webhookUrl().toString();
      create(channel("fs", "feishu", Map.of(), Map.of("url", url, "secret", "feishu-right")));
      assertThat(test("fs").path("delivered").asBoolean()).isTrue();
      assertThat(bot.awaitAccepted(WAIT).request().bodyText()).contains("\"interactive\"");

      create(channel("fs-wrong", "feishu", Map.of(), Map.of("url", url, "secret", "feishu-wrong")));
      JsonNode failed = test("fs-wrong");
      assertThat(failed.path("delivered").asBoolean()).isFalse();
      assertThat(failed.path("error").asString()).contains("19021");
    }
  }

  @Test
  void weComAndSlackTestMessagesAndWrongKeysOrUrls() {
    try (WeComReceiver wecom = WeComReceiver.start("key-1");
        SlackReceiver slack = SlackReceiver.start("T0/B0/right")) {
      String wecomUrl = wecom.webhookUrl().toString();
      create(channel("wx", "wecom", Map.of(), Map.of("url", wecomUrl)));
      create(
          channel("wx-wrong", "wecom", Map.of(), Map.of("url", wecomUrl.replace("key-1", "k2"))));
      assertThat(test("wx").path("delivered").asBoolean()).isTrue();
      assertThat(wecom.awaitAccepted(WAIT).accepted()).isTrue();
      assertThat(test("wx-wrong").path("error").asString()).contains("93000");

      String slackUrl = slack.webhookUrl().toString();
      create(channel("sl", "slack", Map.of(), Map.of("url", slackUrl)));
      create(channel("sl-wrong", "slack", Map.of(), Map.of("url", slackUrl.replace("right", "x"))));
      assertThat(test("sl").path("delivered").asBoolean()).isTrue();
      assertThat(slack.awaitAccepted(WAIT).request().bodyText()).contains("\"blocks\"");
      assertThat(test("sl-wrong").path("error").asString()).contains("404", "no_service");
    }
  }

  @Test
  void aTestMessageReachesARealAlertmanager() {
    try (RecordingReceiver routed = RecordingReceiver.start();
        LocalAlertmanager am = LocalAlertmanager.builder().webhook(routed.url("/am")).start()) {
      create(channel("am", "alertmanager", Map.of("url", am.baseUrl()), Map.of()));
      assertThat(test("am").path("delivered").asBoolean()).isTrue();
      am.awaitAlert(a -> a.path("labels").size() > 0, WAIT);
      routed.awaitRequest(r -> r.bodyContains("\"status\":\"firing\""), WAIT);
    }
  }

  @Test
  void theRobotsRateLimitsAreValidated() {
    Map<String, Object> tooFast =
        channel(
            "ding",
            "dingtalk",
            Map.of(),
            Map.of("url", "https://oapi.dingtalk.com/robot/send?access_token=t"));
    tooFast.put("maxPerMinute", 30);
    RunningServer.Response refused = server.admin().post(CHANNELS, tooFast);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("detail").asString()).contains("at most 20");
    tooFast.remove("maxPerMinute");
    RunningServer.Response defaulted = server.admin().post(CHANNELS, tooFast);
    assertThat(defaulted.status()).as(defaulted.body()).isEqualTo(201);
    assertThat(defaulted.json().path("maxPerMinute").asInt()).isEqualTo(20);
    assertThat(server.admin().get("/api/v1/alerting/channel-types").body())
        .contains("\"dingtalk\"", "\"feishu\"", "\"wecom\"", "\"slack\"", "\"alertmanager\"");
  }
}
