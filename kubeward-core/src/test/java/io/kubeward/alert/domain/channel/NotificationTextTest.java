package io.kubeward.alert.domain.channel;

import static io.kubeward.alert.domain.channel.ChannelFixtures.alert;
import static io.kubeward.alert.domain.channel.ChannelFixtures.firing;
import static io.kubeward.alert.domain.channel.ChannelFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.domain.AlertState;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

  @Test
  void defaultEnglishTextListsFiringAndResolvedAlerts() {
    RenderedText text =
        NotificationText.render(
            notification(
                "ops",
                List.of(alert("n1", AlertState.FIRING), alert("n2", AlertState.FIRING)),
                List.of(alert("n3", AlertState.RESOLVED))),
            ChannelLanguage.EN,
            null,
            null);

    assertThat(text.title()).isEqualTo("[FIRING:2] node-not-ready (cluster local)");
    assertThat(text.markdown())
        .contains("**Firing (2)**")
        .contains("- **critical** node-not-ready — Node n1 is not ready")
        .contains("**Resolved (1)**")
        .contains("Resolved at 2026-12-03 10:05:00 UTC")
        .contains("[/api/v1/diagnostics/rules/node.not-ready/runbook]");
    assertThat(text.plain())
        .contains("Firing (2)")
        .contains("- [critical] node-not-ready — Node n2 is not ready")
        .doesNotContain("**");
  }

  @Test
  void chineseTextUsesTheChineseAnnotations() {
    RenderedText text =
        NotificationText.render(firing("ops", "n1"), ChannelLanguage.ZH_CN, null, null);

    assertThat(text.title()).isEqualTo("[告警:1] node-not-ready（集群 local）");
    assertThat(text.markdown()).contains("**告警中 (1)**").contains("节点 n1 未就绪").contains("处理手册：");
  }

  @Test
  void resolvedOnlyTitleSaysResolved() {
    RenderedText text =
        NotificationText.render(
            notification("ops", List.of(), List.of(alert("n1", AlertState.RESOLVED))),
            ChannelLanguage.EN,
            null,
            null);
    assertThat(text.title()).isEqualTo("[RESOLVED] node-not-ready (cluster local)");
  }

  @Test
  void customTemplatesSubstituteVariables() {
    RenderedText text =
        NotificationText.render(
            firing("ops", "n1", "n2"),
            ChannelLanguage.EN,
            "{{ status }} {{alertname}} x{{ firingCount }} on {{ labels.cluster }}",
            "Summary: {{ summary }}\n{{ alerts }}");

    assertThat(text.title()).isEqualTo("FIRING node-not-ready x2 on local");
    assertThat(text.markdown()).startsWith("Summary: Node n1 is not ready\n**Firing (2)**");
    assertThat(text.plain()).startsWith("Summary: Node n1 is not ready\nFiring (2)");
  }

  @Test
  void templatesAreValidated() {
    assertThat(NotificationText.validate("{{ status }}", "{{ alerts }}")).isEmpty();
    assertThat(NotificationText.validate("{{ nope }}", null))
        .singleElement()
        .asString()
        .contains("unknown variables [nope]");
    assertThat(NotificationText.validate(null, "{{ alerts }"))
        .singleElement()
        .asString()
        .contains("no variable");
    assertThat(NotificationText.validate("x".repeat(513), null))
        .singleElement()
        .asString()
        .contains("at most 512");
    assertThat(NotificationText.validate("{{ alerts }}", null)).isNotEmpty();
  }

  @Test
  void longListsAreCut() {
    String[] nodes = new String[25];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = "n" + i;
    }
    RenderedText text =
        NotificationText.render(firing("ops", nodes), ChannelLanguage.EN, null, null);
    assertThat(text.plain()).contains("- and 5 more");
  }
}
