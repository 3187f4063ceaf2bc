package io.kubeward.alert.domain.channel;

import io.kubeward.alert.domain.Notification;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SPI of a channel type ({@code webhook}, {@code email}, {@code slack}, {@code dingtalk},
 * {@code wecom}, {@code feishu}, {@code alertmanager}). A type is pure and stateless: it names its
 * settings and secrets, validates a channel, says which URLs the SSRF guard must check, renders
 * (and signs) one notification, and judges a response. The delivery engine does the rest (queue,
 * retries, rate limit, guard, transport, history). Types are listed once, in {@code
 * alert.app.channel.ChannelTypes}.
 */
public interface ChannelType {

  /** The type's name as the API writes it: lower-case, e.g. {@code webhook}. */
  String type();

  /** The names of its plain settings (shown by the API). */
  Set<String> settingNames();

  /**
   * The names of its secrets (stored encrypted, never shown: passwords, HMAC keys, signing secrets,
   * URLs that embed a token).
   */
  Set<String> secretNames();

  /** The settings and secrets a channel of this type must have. */
  Set<String> requiredNames();

  /**
   * The problems of a channel's type-specific settings (names, required values and the common
   * fields are checked before by {@link ChannelValidator}); empty when valid. Messages are English
   * sentences naming the field ({@code "url must start with http:// or https://"}).
   */
  List<String> validate(ChannelSettings s);

  /** The URLs a send reaches: the SSRF guard checks each before every attempt. */
  List<URI> destinations(ChannelSettings s);

  /**
   * What is sent for {@code n}: pure (no I/O), signs with {@code now} where the vendor wants a
   * timestamp. {@code text} is the notification's text in the channel's language.
   */
  OutboundMessage render(Notification n, ChannelSettings s, RenderedText text, Instant now);

  /**
   * The rate limit a channel of this type gets when its administrator sets none (a vendor whose
   * robots accept fewer messages per minute returns its limit).
   */
  default int defaultMaxPerMinute() {
    return 30;
  }

  /**
   * Whether an HTTP answer is a failure, and why (a vendor's "200 with errcode ≠ 0" is one). The
   * default: any status outside 2xx.
   */
  default Optional<String> failure(int status, String body) {
    if (status >= 200 && status < 300) {
      return Optional.empty();
    }
    return Optional.of("HTTP " + status + ChannelSupport.excerpt(body));
  }
}
