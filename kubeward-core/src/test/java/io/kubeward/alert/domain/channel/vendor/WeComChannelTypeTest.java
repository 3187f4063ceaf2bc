package io.kubeward.alert.domain.channel.vendor;

import static io.kubeward.alert.domain.channel.vendor.VendorFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelValidator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeComChannelTypeTest {

  private static final String URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1";
  private final WeComChannelType type = new WeComChannelType();

  @Test
  void markdownWithTheTitleInTheStateColourWithin4096Bytes() {
    ChannelSettings s = channel("wecom", ChannelLanguage.ZH_CN, Map.of(), Map.of("url", URL));
    var n = firing("critical", 20);
    var post = post(type.render(n, s, text(n, s), NOW));
    assertThat(post.url()).hasToString(URL);
    JsonNode body = json(post);
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    String content = body.path("markdown").path("content").asText();
    assertThat(content).startsWith("<font color=\"warning\">**[告警:20] pod-crash-looping");
    assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    assertThat(content).endsWith("（消息过长，已截断）");
    String resolved =
        json(post(type.render(resolved(1), s, text(resolved(1), s), NOW)))
            .path("markdown")
            .path("content")
            .asText();
    assertThat(resolved).startsWith("<font color=\"info\">");
  }

  @Test
  void textWithMentionedMobiles() {
    ChannelSettings s =
        channel(
            "wecom",
            ChannelLanguage.EN,
            Map.of("format", "text", "mentionedMobiles", "13800000000"),
            Map.of("url", URL));
    JsonNode body =
        json(post(type.render(firing("warning", 1), s, text(firing("warning", 1), s), NOW)));
    assertThat(body.path("msgtype").asText()).isEqualTo("text");
    assertThat(body.path("text").path("content").asText()).startsWith("[FIRING:1]");
    assertThat(body.path("text").path("mentioned_mobile_list").get(0).asText())
        .isEqualTo("13800000000");
  }

  @Test
  void errcodeAndValidation() {
    assertThat(type.failure(200, "{\"errcode\":0,\"errmsg\":\"ok\"}")).isEmpty();
    assertThat(type.failure(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
        .contains("WeCom errcode 93000: invalid webhook url");
    ChannelSettings noKey =
        channel(
            "wecom",
            ChannelLanguage.EN,
            Map.of(),
            Map.of("url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send"));
    assertThat(ChannelValidator.validate(noKey, type)).singleElement().asString().contains("key=");
    ChannelSettings mentionsInMarkdown =
        channel(
            "wecom",
            ChannelLanguage.EN,
            Map.of("mentionedMobiles", "13800000000"),
            Map.of("url", URL));
    assertThat(ChannelValidator.validate(mentionsInMarkdown, type))
        .singleElement()
        .asString()
        .contains("format text");
  }
}
