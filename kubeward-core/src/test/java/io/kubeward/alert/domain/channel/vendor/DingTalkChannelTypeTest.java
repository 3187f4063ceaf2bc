package io.kubeward.alert.domain.channel.vendor;

import static io.kubeward.alert.domain.channel.vendor.VendorFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelValidator;
import io.kubeward.alert.domain.channel.HttpPost;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DingTalkChannelTypeTest {

  private static final String URL = "https://oapi.dingtalk.com/robot/send?access_token=abc";
  private final DingTalkChannelType type = new DingTalkChannelType();

  private ChannelSettings signed(Map<String, String> settings) {
    return channel(
        "dingtalk",
        ChannelLanguage.ZH_CN,
        settings,
        Map.of("url", URL, "secret", "SEC0123456789abcdef"));
  }

  @Test
  void signsAsTheDocumentationSaysTimestampInMillisAndTheUrlEncodedSignInTheQuery() {
    HttpPost post =
        post(
            type.render(
                firing("critical", 2),
                signed(Map.of()),
                text(firing("critical", 2), signed(Map.of())),
                NOW));
    // python3: hmac.new(secret, f"{ts}\n{secret}", sha256) with ts = NOW in ms (the vendor's
    // sample)
    assertThat(NOW.toEpochMilli()).isEqualTo(1796292310000L);
    assertThat(post.url().toString())
        .isEqualTo(
            URL
                + "&timestamp=1796292310000&sign="
                + java.net.URLEncoder.encode(
                    "a4T9iygi++anRxhrdZ4AYq5ODhhQbCP0f69gWImZPEA=", StandardCharsets.UTF_8));
    assertThat(post.url().getRawQuery())
        .contains("sign=a4T9iygi%2B%2BanRxhrdZ4AYq5ODhhQbCP0f69gWImZPEA%3D");
  }

  @Test
  void sendsAMarkdownMessageWithTitleMentionsAndTheChineseText() {
    ChannelSettings s = signed(Map.of("atMobiles", "13800000000, 13900000000", "atAll", "false"));
    JsonNode body =
        json(post(type.render(firing("critical", 2), s, text(firing("critical", 2), s), NOW)));
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.path("markdown").path("title").asText())
        .isEqualTo("[告警:2] pod-crash-looping（集群 local）");
    String markdown = body.path("markdown").path("text").asText();
    assertThat(markdown).startsWith("#### [告警:2] pod-crash-looping（集群 local）\n\n");
    assertThat(markdown).contains("反复崩溃重启", "  \n", "@13800000000 @13900000000");
    assertThat(body.path("at").path("atMobiles")).hasSize(2);
    assertThat(body.path("at").path("isAtAll").asBoolean()).isFalse();
  }

  @Test
  void withoutASecretTheUrlIsUnchanged() {
    ChannelSettings s = channel("dingtalk", ChannelLanguage.EN, Map.of(), Map.of("url", URL));
    assertThat(post(type.render(firing("warning", 1), s, text(firing("warning", 1), s), NOW)).url())
        .hasToString(URL);
  }

  @Test
  void aLongNotificationStaysWithinTheMessageLimit() {
    ChannelSettings s = signed(Map.of());
    var n = firing("critical", 20);
    var text = text(n, s);
    var longText =
        new io.kubeward.alert.domain.channel.RenderedText(
            text.title(), text.markdown().repeat(20), text.plain());
    String markdown =
        json(post(type.render(n, s, longText, NOW))).path("markdown").path("text").asText();
    assertThat(markdown.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(DingTalkChannelType.MAX_TEXT_BYTES);
    assertThat(markdown).endsWith("（消息过长，已截断）");
  }

  @Test
  void errcodeOtherThanZeroIsAFailureAndSoIsAnAnswerWithoutOne() {
    assertThat(type.failure(200, "{\"errcode\":0,\"errmsg\":\"ok\"}")).isEmpty();
    assertThat(type.failure(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))
        .contains("DingTalk errcode 310000: sign not match");
    assertThat(type.failure(200, "<html>proxy</html>")).get().asString().contains("no errcode");
    assertThat(type.failure(502, "bad gateway")).get().asString().startsWith("HTTP 502");
  }

  @Test
  void validatesTheWebhookTheMentionsAndDingTalksRateLimit() {
    assertThat(ChannelValidator.validate(signed(Map.of()), type)).isEmpty();
    ChannelSettings noToken =
        channel(
            "dingtalk",
            ChannelLanguage.EN,
            Map.of(),
            Map.of("url", "https://oapi.dingtalk.com/robot/send"));
    assertThat(ChannelValidator.validate(noToken, type))
        .singleElement()
        .asString()
        .contains("access_token");
    assertThat(ChannelValidator.validate(signed(Map.of("atMobiles", "call me")), type))
        .singleElement()
        .asString()
        .contains("phone numbers");
    assertThat(ChannelValidator.validate(withRate(signed(Map.of()), 30), type))
        .singleElement()
        .asString()
        .contains("at most 20");
    assertThat(type.defaultMaxPerMinute()).isEqualTo(20);
    assertThat(new WeComChannelType().defaultMaxPerMinute()).isEqualTo(20);
    assertThat(new FeishuChannelType().defaultMaxPerMinute()).isEqualTo(30);
    ChannelSettings urlAsSetting =
        channel("dingtalk", ChannelLanguage.EN, Map.of("url", URL), Map.of());
    assertThat(ChannelValidator.validate(urlAsSetting, type)).isNotEmpty();
  }
}
