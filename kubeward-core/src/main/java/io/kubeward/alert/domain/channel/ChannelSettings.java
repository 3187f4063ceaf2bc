package io.kubeward.alert.domain.channel;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One channel as its type sees it: its name (a DNS label), its type, whether it is enabled, the
 * language of its messages, its type's plain settings, its secrets ({@code secrets} are decrypted
 * only inside the delivery; everywhere else — the API, the audit, {@link #toString()} — only their
 * names appear), the optional custom title and body templates ({@link NotificationText}), the
 * per-minute rate limit and whether the SSRF guard lets it reach private addresses (admin only).
 */
public record ChannelSettings(
    String name,
    String type,
    boolean enabled,
    ChannelLanguage language,
    Map<String, String> settings,
    Map<String, String> secrets,
    @Nullable String titleTemplate,
    @Nullable String bodyTemplate,
    int maxPerMinute,
    boolean allowPrivateAddresses) {

  public ChannelSettings {
    settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    secrets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
  }

  /** A plain setting, {@code null} when not set or blank. */
  public @Nullable String setting(String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A decrypted secret, {@code null} when not set or blank. */
  public @Nullable String secret(String name) {
    String value = secrets.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** A setting, else a secret of that name (a URL may be either: plain, or secret for a token). */
  public @Nullable String settingOrSecret(String name) {
    String value = setting(name);
    return value != null ? value : secret(name);
  }

  /** The same channel with other secrets (after decryption, or none for a view). */
  public ChannelSettings withSecrets(Map<String, String> newSecrets) {
    return new ChannelSettings(
        name,
        type,
        enabled,
        language,
        settings,
        newSecrets,
        titleTemplate,
        bodyTemplate,
        maxPerMinute,
        allowPrivateAddresses);
  }

  @Override
  public String toString() {
    return "ChannelSettings[name="
        + name
        + ", type="
        + type
        + ", enabled="
        + enabled
        + ", language="
        + language.tag()
        + ", settings="
        + settings
        + ", secrets="
        + secrets.keySet()
        + ", maxPerMinute="
        + maxPerMinute
        + ", allowPrivateAddresses="
        + allowPrivateAddresses
        + "]";
  }
}
