package io.kubeward.alert.domain.channel;

import java.util.Optional;

/** The language of a channel's messages: English or 简体中文. */
public enum ChannelLanguage {
  EN("en"),
  ZH_CN("zh-CN");

  private final String tag;

  ChannelLanguage(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag as the API writes it: {@code en}, {@code zh-CN}. */
  public String tag() {
    return tag;
  }

  public boolean zh() {
    return this == ZH_CN;
  }

  /** The language of a tag ({@code en}, {@code zh-CN}, case-insensitive; {@code zh} too). */
  public static Optional<ChannelLanguage> ofTag(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return switch (tag.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "en", "en-us", "en-gb" -> Optional.of(EN);
      case "zh-cn", "zh", "zh-hans", "zh_cn" -> Optional.of(ZH_CN);
      default -> Optional.empty();
    };
  }
}
