package io.kubeward.alert.domain.channel;

import static io.kubeward.alert.domain.channel.ChannelFixtures.firing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailChannelTypeTest {

  private final EmailChannelType type = new EmailChannelType();

  private static ChannelSettings email(Map<String, String> settings, Map<String, String> secrets) {
    return new ChannelSettings(
        "mail", "email", true, ChannelLanguage.ZH_CN, settings, secrets, null, null, 30, false);
  }

  @Test
  void rendersTextAndHtml() {
    ChannelSettings s =
        email(
            Map.of(
                "host", "smtp.example.com",
                "from", "alerts@example.com",
                "to", "a@example.com, b@example.com",
                "username", "alerts"),
            Map.of("password", "pw"));
    assertThat(ChannelValidator.validate(s, type)).isEmpty();
    MailMessage mail =
        (MailMessage)
            type.render(
                firing("mail", "n1"),
                s,
                new RenderedText("[告警:1] <x>", "**告警中 (1)**\n- **critical** a\n  标签：x=1", "plain"),
                Instant.now());

    assertThat(mail.server().port()).isEqualTo(587);
    assertThat(mail.server().security()).isEqualTo(MailMessage.Security.STARTTLS);
    assertThat(mail.to()).containsExactly("a@example.com", "b@example.com");
    assertThat(mail.subject()).isEqualTo("[告警:1] <x>");
    assertThat(mail.html())
        .contains("lang=\"zh-CN\"")
        .contains("<h2>[告警:1] &lt;x&gt;</h2>")
        .contains("<ul><li><strong>critical</strong> a<br>标签：x=1</li></ul>");
    assertThat(type.destinations(s)).singleElement().hasToString("smtp://smtp.example.com:587");
  }

  @Test
  void validation() {
    assertThat(
            ChannelValidator.validate(
                email(Map.of("host", "h", "from", "nope", "to", "x@y.z, bad"), Map.of()), type))
        .containsExactlyInAnyOrder(
            "from must be a mail address like alerts@example.com", "to: bad is no mail address");
    assertThat(
            ChannelValidator.validate(
                email(
                    Map.of(
                        "host",
                        "h",
                        "from",
                        "a@b.c",
                        "to",
                        "x@y.z",
                        "security",
                        "none",
                        "username",
                        "u"),
                    Map.of("password", "p")),
                type))
        .containsExactly("a password is never sent unencrypted: use security starttls or tls");
    assertThat(ChannelValidator.validate(email(Map.of("host", "h"), Map.of()), type))
        .containsExactlyInAnyOrder("from is required", "to is required");
  }
}
