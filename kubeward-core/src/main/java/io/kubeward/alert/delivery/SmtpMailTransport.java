package io.kubeward.alert.delivery;

import io.kubeward.alert.app.channel.ChannelDelivery;
import io.kubeward.alert.app.channel.DeliverySettings;
import io.kubeward.alert.app.channel.Transports;
import io.kubeward.alert.domain.channel.MailMessage;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * The SMTP transport of the {@code email} type (Jakarta Mail, Eclipse Angus): a fresh session per
 * mail; STARTTLS required when the channel says {@code starttls} (a server that does not offer it
 * is refused, never a silent downgrade), TLS from the first byte for {@code tls}; server identity
 * checked; authentication when a username is set; connect, read and write timeouts; a {@code
 * multipart/alternative} body (text, then HTML) in UTF-8. An authentication failure or a refused
 * address is permanent (no retry); anything else may be retried.
 */
public final class SmtpMailTransport implements Transports.MailSender {

  private final DeliverySettings settings;
  private final boolean trustAnyCertificate;

  public SmtpMailTransport(DeliverySettings settings) {
    this(settings, false);
  }

  /**
   * @param trustAnyCertificate accept any server certificate (tests against a local server only)
   */
  public SmtpMailTransport(DeliverySettings settings, boolean trustAnyCertificate) {
    this.settings = settings;
    this.trustAnyCertificate = trustAnyCertificate;
  }

  @Override
  public void send(MailMessage mail) throws IOException {
    MailMessage.SmtpServer server = mail.server();
    boolean tls = server.security() == MailMessage.Security.TLS;
    String protocol = tls ? "smtps" : "smtp";
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put(p + "host", server.host());
    props.put(p + "port", Integer.toString(server.port()));
    props.put(p + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    props.put(p + "timeout", Long.toString(settings.requestTimeout().toMillis()));
    props.put(p + "writetimeout", Long.toString(settings.requestTimeout().toMillis()));
    props.put(p + "auth", Boolean.toString(server.username() != null));
    props.put(p + "ssl.checkserveridentity", Boolean.toString(!trustAnyCertificate));
    if (trustAnyCertificate) {
      props.put(p + "ssl.trust", "*");
    }
    if (server.security() == MailMessage.Security.STARTTLS) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    props.put("mail.transport.protocol", protocol);
    Session session = Session.getInstance(props);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(mail.from(), true));
      Address[] to = new Address[mail.to().size()];
      for (int i = 0; i < to.length; i++) {
        to[i] = new InternetAddress(mail.to().get(i), true);
      }
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.setHeader("X-Mailer", "Kubeward");
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      message.setContent(alternative);
      message.saveChanges();
      try (Transport transport = session.getTransport(protocol)) {
        if (server.username() != null) {
          transport.connect(server.host(), server.port(), server.username(), server.password());
        } else {
          transport.connect(server.host(), server.port(), null, null);
        }
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (AuthenticationFailedException e) {
      throw new ChannelDelivery.PermanentFailure(
          "the SMTP server refused the username or password", e);
    } catch (SendFailedException e) {
      throw new ChannelDelivery.PermanentFailure(
          "the SMTP server refused the recipients: " + e.getMessage(), e);
    } catch (MessagingException e) {
      throw new IOException("SMTP: " + describe(e), e);
    }
  }

  private static String describe(MessagingException e) {
    StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      b.append(" (").append(cause.getClass().getSimpleName());
      if (cause.getMessage() != null) {
        b.append(": ").append(cause.getMessage());
      }
      b.append(')');
    }
    return b.toString();
  }
}
