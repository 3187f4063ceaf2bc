/**
 * Vendor channel types on the channel-type SPI (issue 14, ADR 0033): {@code slack} (incoming
 * webhook, Block Kit with mrkdwn), {@code dingtalk} (custom robot, markdown, signed mode), {@code
 * wecom} (group robot, markdown or text), {@code feishu} (custom bot, interactive card or text,
 * signature in the body) and {@code alertmanager} (forward to an existing Alertmanager's v2 API).
 * Each follows its vendor's documented payload, signature, size limits and error answers; the
 * testkit's receivers ({@code io.kubeward.testkit.receiver}) check them the same way. Pure: no I/O,
 * no framework, no logger.
 */
package io.kubeward.alert.domain.channel.vendor;
