package io.kubeward.alert.app.channel;

import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.alert.domain.channel.MailMessage;
import java.io.IOException;

/**
 * Ports: how rendered messages leave (the JDK HTTP client and Jakarta Mail in {@code
 * alert.delivery}).
 */
public final class Transports {

  private Transports() {}

  /** An HTTP answer: its status and the first bytes of its body as text. */
  public record HttpAnswer(int status, String body) {}

  /** Sends one POST; never follows a redirect; reads a bounded part of the answer. */
  @FunctionalInterface
  public interface HttpSender {
    HttpAnswer post(HttpPost post) throws IOException, InterruptedException;
  }

  /** Hands one mail to its SMTP server. */
  @FunctionalInterface
  public interface MailSender {
    void send(MailMessage mail) throws IOException;
  }
}
