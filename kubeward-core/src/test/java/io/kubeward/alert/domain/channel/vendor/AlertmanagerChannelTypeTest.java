package io.kubeward.alert.domain.channel.vendor;

import static io.kubeward.alert.domain.channel.vendor.VendorFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelValidator;
import io.kubeward.alert.domain.channel.HttpPost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerChannelTypeTest {

  private final AlertmanagerChannelType type = new AlertmanagerChannelType();

  @Test
  void postsTheV2ApiArrayOfPostableAlerts() {
    ChannelSettings s =
        channel(
            "alertmanager",
            ChannelLanguage.EN,
            Map.of(
                "url",
                "http://am.example:9093/prefix/",
                "generatorUrl",
                "https://kubeward.example",
                "endsAfter",
                "2h"),
            Map.of("bearerToken", "t0k"));
    var n =
        notification(
            List.of(alert("a", "critical", io.kubeward.alert.domain.AlertState.FIRING)),
            List.of(alert("b", "warning", io.kubeward.alert.domain.AlertState.RESOLVED)),
            false);
    HttpPost post = post(type.render(n, s, text(n, s), NOW));
    assertThat(post.url()).hasToString("http://am.example:9093/prefix/api/v2/alerts");
    assertThat(post.headers()).containsEntry("Authorization", "Bearer t0k");
    JsonNode alerts = json(post);
    assertThat(alerts.isArray()).isTrue();
    JsonNode firing = alerts.get(0);
    assertThat(firing.path("labels").path("alertname").asText()).isEqualTo("pod-crash-looping");
    assertThat(firing.path("labels").path("pod").asText()).isEqualTo("a");
    assertThat(firing.path("annotations").path("summary_zh_CN").asText()).contains("反复崩溃重启");
    assertThat(firing.path("startsAt").asText()).isEqualTo(T0.plusSeconds(60).toString());
    assertThat(firing.path("endsAt").asText()).isEqualTo(NOW.plus(Duration.ofHours(2)).toString());
    assertThat(firing.path("generatorURL").asText())
        .startsWith("https://kubeward.example/alerts/")
        .endsWith("?cluster=local");
    JsonNode resolved = alerts.get(1);
    assertThat(resolved.path("endsAt").asText()).isEqualTo(T0.plusSeconds(300).toString());
  }

  @Test
  void basicAuthAndTheDefaultEndsAfter() {
    ChannelSettings s =
        channel(
            "alertmanager",
            ChannelLanguage.EN,
            Map.of("url", "http://am:9093"),
            Map.of("username", "kw", "password", "pw"));
    var n = firing("critical", 1);
    HttpPost post = post(type.render(n, s, text(n, s), NOW));
    assertThat(post.headers()).containsEntry("Authorization", "Basic a3c6cHc=");
    assertThat(json(post).get(0).path("endsAt").asText())
        .isEqualTo(NOW.plus(Duration.ofHours(5)).toString());
    assertThat(json(post).get(0).has("generatorURL")).isFalse();
  }

  @Test
  void classicNames() {
    assertThat(AlertmanagerChannelType.classicName("summary.zh-CN")).isEqualTo("summary_zh_CN");
    assertThat(AlertmanagerChannelType.classicName("9lives")).isEqualTo("_lives");
    assertThat(AlertmanagerChannelType.classicName("runbook_url")).isEqualTo("runbook_url");
  }

  @Test
  void validation() {
    ChannelSettings both =
        channel(
            "alertmanager",
            ChannelLanguage.EN,
            Map.of("url", "http://am:9093", "endsAfter", "10s"),
            Map.of("username", "kw", "password", "pw", "bearerToken", "t"));
    assertThat(ChannelValidator.validate(both, type)).hasSize(2);
    ChannelSettings half =
        channel(
            "alertmanager",
            ChannelLanguage.EN,
            Map.of("url", "http://am:9093?x=1"),
            Map.of("password", "pw"));
    assertThat(ChannelValidator.validate(half, type)).hasSize(2);
    assertThat(AlertmanagerChannelType.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(AlertmanagerChannelType.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(AlertmanagerChannelType.parseDuration("soon")).isNull();
  }
}
