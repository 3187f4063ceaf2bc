package io.kubeward.testkit.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The vendor receivers against requests built by hand, with signatures computed by the vendors' own
 * Python samples (DingTalk: {@code hmac.new(secret, f"{ts}\n{secret}", sha256)} then {@code
 * quote_plus(b64encode(...))}; Feishu: {@code hmac.new(f"{ts}\n{secret}", b"", sha256)} then {@code
 * b64encode}), so a receiver bug cannot hide behind the sender's identical bug.
 */
class VendorReceiversTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newHttpClient();

  // python3: ts='1700000000000'; s='SEC0123456789abcdef'
  private static final String DING_SECRET = "SEC0123456789abcdef";
  private static final String DING_SIGN_URL_ENCODED =
      "TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D";
  // python3: ts='1700000000'; s='feishu-secret'
  private static final String FEISHU_SIGN = "OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=";

  @Test
  void dingTalkAcceptsTheDocumentedSignatureAndRejectsAnotherSecretOrAnOldTimestamp()
      throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L + 60_000), ZoneOffset.UTC);
    try (DingTalkReceiver robot = DingTalkReceiver.signed(clock, "tok", DING_SECRET)) {
      String markdown = "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"t\",\"text\":\"x\"}}";
      String base = robot.webhookUrl() + "&timestamp=1700000000000&sign=";
      assertThat(DingTalkReceiver.expectedSign(DING_SECRET, "1700000000000"))
          .isEqualTo("TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=");

      assertThat(post(base + DING_SIGN_URL_ENCODED, markdown))
          .isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
      String wrong = DingTalkReceiver.expectedSign("SECother", "1700000000000");
      assertThat(post(base + java.net.URLEncoder.encode(wrong, "UTF-8"), markdown))
          .contains("\"errcode\":310000");
      assertThat(robot.awaitRejected(WAIT).reason()).isEqualTo("sign does not match");
      String old = DingTalkReceiver.expectedSign(DING_SECRET, "1690000000000");
      assertThat(
              post(
                  robot.webhookUrl()
                      + "&timestamp=1690000000000&sign="
                      + java.net.URLEncoder.encode(old, "UTF-8"),
                  markdown))
          .contains("310000", "invalid timestamp");
      assertThat(post(base.replace("access_token=tok", "access_token=nope"), markdown))
          .contains("300001");
      assertThat(post(base + DING_SIGN_URL_ENCODED, "{\"msgtype\":\"markdown\"}"))
          .contains("40035");
      assertThat(robot.verdicts())
          .extracting(VendorReceiver.Verdict::accepted)
          .containsExactly(true, false, false, false, false);
    }
  }

  @Test
  void feishuAcceptsTheDocumentedSignatureInTheBodyAndRejectsAnotherSecret() throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_030L), ZoneOffset.UTC);
    try (FeishuReceiver bot = FeishuReceiver.signed(clock, "hook-token", "feishu-secret")) {
      assertThat(FeishuReceiver.expectedSign("feishu-secret", "1700000000")).isEqualTo(FEISHU_SIGN);
      String signed =
          "{\"timestamp\":\"1700000000\",\"sign\":\""
              + FEISHU_SIGN
              + "\",\"msg_type\":\"text\",\"content\":{\"text\":\"hi\"}}";
      assertThat(post(bot.webhookUrl().toString(), signed)).contains("\"code\":0");
      assertThat(
              post(
                  bot.webhookUrl().toString(),
                  signed.replace(FEISHU_SIGN, FeishuReceiver.expectedSign("x", "1700000000"))))
          .contains("\"code\":19021");
      assertThat(post(bot.receiver().url("/open-apis/bot/v2/hook/other").toString(), signed))
          .contains("\"code\":19001");
      assertThat(bot.awaitAccepted(WAIT).accepted()).isTrue();
    }
  }

  @Test
  void weComChecksTheKeyAndTheMarkdownLimit() throws Exception {
    try (WeComReceiver robot = WeComReceiver.start("k-1")) {
      assertThat(post(robot.webhookUrl().toString(), markdown("**hi**"))).contains("\"errcode\":0");
      assertThat(post(robot.webhookUrl().toString().replace("k-1", "k-2"), markdown("x")))
          .contains("93000");
      assertThat(post(robot.webhookUrl().toString(), markdown("告".repeat(1400)))).contains("40058");
    }
  }

  @Test
  void slackAnswersOkOrTheDocumentedStatusAndReason() throws Exception {
    try (SlackReceiver slack = SlackReceiver.start("T0/B0/secret")) {
      HttpResponse<String> ok = send(slack.webhookUrl().toString(), "{\"text\":\"hi\"}");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("ok");
      HttpResponse<String> wrong =
          send(slack.receiver().url("/services/T0/B0/other").toString(), "{\"text\":\"hi\"}");
      assertThat(wrong.statusCode()).isEqualTo(404);
      assertThat(wrong.body()).isEqualTo("no_service");
      assertThat(send(slack.webhookUrl().toString(), "{}").body()).isEqualTo("no_text");
      assertThat(send(slack.webhookUrl().toString(), "[").body()).isEqualTo("invalid_payload");
    }
  }

  private static String markdown(String content) {
    return "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"" + content + "\"}}";
  }

  private String post(String url, String body) throws IOException, InterruptedException {
    return send(url, body).body();
  }

  private HttpResponse<String> send(String url, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
