package io.kubeward.alert.domain.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A mail: the SMTP server to hand it to, the sender, the recipients, the subject and the body as
 * plain text and as HTML (sent as {@code multipart/alternative}).
 */
public record MailMessage(
    SmtpServer server, String from, List<String> to, String subject, String text, String html)
    implements OutboundMessage {

  public MailMessage {
    to = List.copyOf(to);
  }

  @Override
  public byte[] payload() {
    return (String.join(",", to) + "\n" + subject + "\n" + text + "\n" + html)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** How the server is reached. */
  public enum Security {
    /** Plain SMTP, upgraded with STARTTLS; refused if the server does not offer it. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    TLS,
    /** Plain SMTP, never encrypted (a local relay only). */
    NONE
  }

  /** An SMTP server; {@code username}/{@code password} {@code null} without authentication. */
  public record SmtpServer(
      String host,
      int port,
      Security security,
      @Nullable String username,
      @Nullable String password) {

    @Override
    public String toString() {
      return "SmtpServer[" + host + ":" + port + ", " + security + ", user=" + username + "]";
    }
  }
}
