package io.kubeward.alert.domain.channel;

import io.kubeward.common.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one validation of a channel, before its type's own ({@link ChannelType#validate}): the name
 * is a DNS label, only the type's setting and secret names are used, each required one is set (as a
 * setting or a secret), values are bounded, the rate limit is within bounds and the templates are
 * valid ({@link NotificationText#validate}).
 */
public final class ChannelValidator {

  /** The longest setting or secret value, in characters. */
  public static final int MAX_VALUE = 4096;

  /** The most settings plus secrets of a channel. */
  public static final int MAX_ENTRIES = 32;

  /** The highest per-minute rate limit. */
  public static final int MAX_PER_MINUTE = 600;

  private ChannelValidator() {}

  public static List<String> validate(ChannelSettings s, ChannelType type) {
    List<String> problems = new ArrayList<>();
    if (!Names.isNamespace(s.name())) {
      problems.add(
          "name must be a DNS label: at most 63 lower-case letters, digits and '-', starting and"
              + " ending with a letter or digit");
    }
    if (!type.type().equals(s.type())) {
      problems.add("type " + s.type() + " is not " + type.type());
    }
    if (s.settings().size() + s.secrets().size() > MAX_ENTRIES) {
      problems.add("at most " + MAX_ENTRIES + " settings and secrets");
    }
    Set<String> unknownSettings = new TreeSet<>(s.settings().keySet());
    unknownSettings.removeAll(type.settingNames());
    if (!unknownSettings.isEmpty()) {
      problems.add(
          "settings "
              + unknownSettings
              + " are unknown to type "
              + type.type()
              + "; known: "
              + new TreeSet<>(type.settingNames()));
    }
    Set<String> unknownSecrets = new TreeSet<>(s.secrets().keySet());
    unknownSecrets.removeAll(type.secretNames());
    if (!unknownSecrets.isEmpty()) {
      problems.add(
          "secrets "
              + unknownSecrets
              + " are unknown to type "
              + type.type()
              + "; known: "
              + new TreeSet<>(type.secretNames()));
    }
    for (String name : new TreeSet<>(type.requiredNames())) {
      if (s.setting(name) == null && s.secret(name) == null) {
        problems.add(name + " is required");
      }
    }
    for (String name : new TreeSet<>(s.settings().keySet())) {
      if (s.setting(name) != null && s.secret(name) != null) {
        problems.add(name + " is given both as a setting and as a secret: give it once");
      }
    }
    s.settings()
        .forEach(
            (k, v) -> {
              if (v != null && v.length() > MAX_VALUE) {
                problems.add("setting " + k + " must be at most " + MAX_VALUE + " characters");
              }
            });
    s.secrets()
        .forEach(
            (k, v) -> {
              if (v != null && v.length() > MAX_VALUE) {
                problems.add("secret " + k + " must be at most " + MAX_VALUE + " characters");
              }
            });
    if (s.maxPerMinute() < 1 || s.maxPerMinute() > MAX_PER_MINUTE) {
      problems.add("maxPerMinute must be between 1 and " + MAX_PER_MINUTE);
    }
    problems.addAll(NotificationText.validate(s.titleTemplate(), s.bodyTemplate()));
    if (problems.isEmpty()) {
      problems.addAll(type.validate(s));
    }
    return problems;
  }
}
