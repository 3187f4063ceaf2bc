package io.kubeward.alert.app.channel;

import io.kubeward.alert.domain.channel.ChannelType;
import io.kubeward.alert.domain.channel.EmailChannelType;
import io.kubeward.alert.domain.channel.WebhookChannelType;
import io.kubeward.alert.domain.channel.vendor.AlertmanagerChannelType;
import io.kubeward.alert.domain.channel.vendor.DingTalkChannelType;
import io.kubeward.alert.domain.channel.vendor.FeishuChannelType;
import io.kubeward.alert.domain.channel.vendor.SlackChannelType;
import io.kubeward.alert.domain.channel.vendor.WeComChannelType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of channel types: one line per type. */
public final class ChannelTypes {

  private final Map<String, ChannelType> types = new LinkedHashMap<>();

  public ChannelTypes(List<ChannelType> list) {
    for (ChannelType type : list) {
      if (types.putIfAbsent(type.type(), type) != null) {
        throw new IllegalArgumentException("channel type " + type.type() + " listed twice");
      }
    }
  }

  /** Every built-in type. */
  public static ChannelTypes builtIn() {
    return new ChannelTypes(
        List.of(
            new WebhookChannelType(),
            new EmailChannelType(),
            // --- alerting vendors: one line per type below ---
            new SlackChannelType(),
            new DingTalkChannelType(),
            new WeComChannelType(),
            new FeishuChannelType(),
            new AlertmanagerChannelType()));
  }

  public Optional<ChannelType> find(String type) {
    return Optional.ofNullable(type == null ? null : types.get(type));
  }

  public List<ChannelType> all() {
    return List.copyOf(types.values());
  }
}
