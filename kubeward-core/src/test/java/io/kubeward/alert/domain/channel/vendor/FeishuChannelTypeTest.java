package io.kubeward.alert.domain.channel.vendor;

import static io.kubeward.alert.domain.channel.vendor.VendorFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeishuChannelTypeTest {

  private static final String URL = "https://open.feishu.cn/open-apis/bot/v2/hook/0f1e2d";
  private final FeishuChannelType type = new FeishuChannelType();

  private ChannelSettings signed(ChannelLanguage language, Map<String, String> settings) {
    return channel("feishu", language, settings, Map.of("url", URL, "secret", "feishu-secret"));
  }

  @Test
  void signsInTheBodyWithTheStringToSignAsTheKeyAndSecondsAsAString() {
    ChannelSettings s = signed(ChannelLanguage.EN, Map.of());
    JsonNode body =
        json(post(type.render(firing("critical", 1), s, text(firing("critical", 1), s), NOW)));
    // python3: hmac.new(f"{ts}\n{secret}".encode(), b"", sha256), ts = NOW in seconds
    assertThat(body.path("timestamp").isTextual()).isTrue();
    assertThat(body.path("timestamp").asText()).isEqualTo("1796292310");
    assertThat(body.path("sign").asText())
        .isEqualTo("SbdfW3vIY9cYA/QWchqYOX7yQHCpVeJ/J+eRkjRMFbE=");
  }

  @Test
  void anInteractiveCardWithAColouredHeaderAndTheMarkdown() {
    ChannelSettings s = signed(ChannelLanguage.ZH_CN, Map.of());
    JsonNode body =
        json(post(type.render(firing("warning", 1), s, text(firing("warning", 1), s), NOW)));
    assertThat(body.path("msg_type").asText()).isEqualTo("interactive");
    JsonNode card = body.path("card");
    assertThat(card.path("header").path("template").asText()).isEqualTo("orange");
    assertThat(card.path("header").path("title").path("content").asText()).contains("告警");
    assertThat(card.path("elements").get(0).path("tag").asText()).isEqualTo("markdown");
    assertThat(card.path("elements").get(0).path("content").asText()).contains("反复崩溃重启");
    assertThat(card.path("elements").get(1).path("elements").get(0).path("content").asText())
        .isEqualTo("由 Kubeward 发送");
    JsonNode resolved = json(post(type.render(resolved(1), s, text(resolved(1), s), NOW)));
    assertThat(resolved.path("card").path("header").path("template").asText()).isEqualTo("green");
  }

  @Test
  void textFormatAndNoSignatureWithoutASecret() {
    ChannelSettings s =
        channel("feishu", ChannelLanguage.EN, Map.of("format", "text"), Map.of("url", URL));
    JsonNode body =
        json(post(type.render(firing("critical", 1), s, text(firing("critical", 1), s), NOW)));
    assertThat(body.has("sign")).isFalse();
    assertThat(body.path("msg_type").asText()).isEqualTo("text");
    assertThat(body.path("content").path("text").asText())
        .startsWith("[FIRING:1] pod-crash-looping");
  }

  @Test
  void theBodyStaysBelowFeishusLimit() {
    ChannelSettings s = signed(ChannelLanguage.ZH_CN, Map.of());
    var n = firing("critical", 20);
    var t = text(n, s);
    var big =
        new io.kubeward.alert.domain.channel.RenderedText(
            t.title(), t.markdown().repeat(30), t.plain());
    assertThat(post(type.render(n, s, big, NOW)).body().length).isLessThan(20 * 1024);
  }

  @Test
  void codeOtherThanZeroIsAFailureAndTheLegacyStatusCodeIsRead() {
    assertThat(
            type.failure(
                200,
                "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}"))
        .isEmpty();
    assertThat(type.failure(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\"}")).isEmpty();
    assertThat(
            type.failure(
                200,
                "{\"code\":19021,\"data\":{},\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}"))
        .get()
        .asString()
        .startsWith("Feishu code 19021: sign match fail");
    assertThat(type.failure(200, "ok")).isPresent();
  }

  @Test
  void validatesTheHookUrlAndTheFormat() {
    assertThat(ChannelValidator.validate(signed(ChannelLanguage.EN, Map.of()), type)).isEmpty();
    ChannelSettings wrong =
        channel(
            "feishu",
            ChannelLanguage.EN,
            Map.of("format", "card"),
            Map.of("url", "https://open.feishu.cn/open-apis/bot/v2/hook/"));
    assertThat(ChannelValidator.validate(wrong, type)).hasSize(2);
  }
}
