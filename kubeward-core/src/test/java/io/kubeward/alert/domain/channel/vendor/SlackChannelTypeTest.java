package io.kubeward.alert.domain.channel.vendor;

import static io.kubeward.alert.domain.channel.vendor.VendorFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelValidator;
import io.kubeward.alert.domain.channel.RenderedText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackChannelTypeTest {

  private static final String URL = "https://hooks.slack.com/services/T0/B0/XXXX";
  private final SlackChannelType type = new SlackChannelType();

  @Test
  void blocksWithAHeaderMrkdwnSectionsAndAContextAndTheTitleAsFallbackText() {
    ChannelSettings s =
        channel("slack", ChannelLanguage.EN, Map.of("channel", "#ops"), Map.of("url", URL));
    JsonNode body =
        json(post(type.render(firing("critical", 2), s, text(firing("critical", 2), s), NOW)));
    assertThat(body.path("text").asText())
        .isEqualTo("🔴 [FIRING:2] pod-crash-looping (cluster local)");
    assertThat(body.path("channel").asText()).isEqualTo("#ops");
    JsonNode blocks = body.path("blocks");
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
    String section = blocks.get(1).path("text").path("text").asText();
    assertThat(section).contains("*Firing (2)*", "*critical* pod-crash-looping");
    assertThat(section)
        .contains(
            "<https://kubeward.example/runbooks/pod.crash-loop|https://kubeward.example/runbooks/pod.crash-loop>");
    assertThat(section).doesNotContain("**");
    assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("context");
  }

  @Test
  void mrkdwnEscapesAndConvertsLinksAndBold() {
    assertThat(VendorSupport.slackMrkdwn("**a < b** & [x](http://h/p)"))
        .isEqualTo("*a &lt; b* &amp; <http://h/p|x>");
  }

  @Test
  void respectsSlacksBlockLimits() {
    ChannelSettings s = channel("slack", ChannelLanguage.ZH_CN, Map.of(), Map.of("url", URL));
    var n = firing("critical", 20);
    var t = text(n, s);
    RenderedText huge = new RenderedText("标".repeat(400), t.markdown().repeat(40), t.plain());
    JsonNode blocks = json(post(type.render(n, s, huge, NOW))).path("blocks");
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    assertThat(blocks.get(0).path("text").path("text").asText().length()).isLessThanOrEqualTo(150);
    for (JsonNode block : blocks) {
      if (block.path("type").asText().equals("section")) {
        assertThat(block.path("text").path("text").asText().length()).isBetween(1, 3000);
      }
    }
    assertThat(blocks.get(blocks.size() - 2).path("text").path("text").asText())
        .endsWith("（消息过长，已截断）");
  }

  @Test
  void anyStatusOutside2xxIsAFailureAndValidation() {
    assertThat(type.failure(200, "ok")).isEmpty();
    assertThat(type.failure(404, "no_service")).contains("HTTP 404: no_service");
    assertThat(
            ChannelValidator.validate(
                channel(
                    "slack", ChannelLanguage.EN, Map.of("iconEmoji", "siren"), Map.of("url", URL)),
                type))
        .singleElement()
        .asString()
        .contains("iconEmoji");
  }
}
