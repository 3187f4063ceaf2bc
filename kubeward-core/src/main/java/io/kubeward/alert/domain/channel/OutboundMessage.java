package io.kubeward.alert.domain.channel;

/** What a channel type renders for one notification: an HTTP POST or a mail. */
public sealed interface OutboundMessage permits HttpPost, MailMessage {

  /** The bytes whose SHA-256 the history records for each attempt. */
  byte[] payload();
}
