/**
 * Alert channels (issue 14, ADR 0033): the channel-type SPI ({@link
 * io.kubeward.alert.domain.channel.ChannelType}: settings, secrets, validation, destinations for
 * the SSRF guard, a pure {@code render} that builds and signs what is sent, and the vendor's notion
 * of failure), a channel's settings ({@link io.kubeward.alert.domain.channel.ChannelSettings}),
 * what is sent ({@link io.kubeward.alert.domain.channel.OutboundMessage}), the bilingual message
 * text ({@link io.kubeward.alert.domain.channel.NotificationText}) and the built-in {@code webhook}
 * and {@code email} types. Vendor types ({@code slack}, {@code dingtalk}, ...) live in {@code
 * alert.domain.channel.vendor} and are listed in {@code alert.app.channel.ChannelTypes}. Pure: no
 * client, no framework, no logger.
 */
package io.kubeward.alert.domain.channel;
