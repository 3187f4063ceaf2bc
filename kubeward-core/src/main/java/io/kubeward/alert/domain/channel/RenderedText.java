package io.kubeward.alert.domain.channel;

/**
 * The text of one notification in the channel's language, from {@link NotificationText} (the
 * default templates or the channel's own): a one-line title, the body as Markdown (for types that
 * render it: DingTalk, WeCom, Feishu, Slack's mrkdwn after conversion) and as plain text.
 */
public record RenderedText(String title, String markdown, String plain) {}
