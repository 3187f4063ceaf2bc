package io.kubeward.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The CLI's own texts in English and 简体中文 ({@code messages*.properties}), chosen like the server's:
 * from {@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG}; {@code zh*} is 简体中文.
 */
public final class Messages {

  private static final String BUNDLE = "io.kubeward.cli.messages";

  private final Locale locale;
  private final ResourceBundle bundle;

  public Messages(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The language of {@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG}: 简体中文 for zh*. */
  public static Locale localeOf(Map<String, String> environment) {
    for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        return value.toLowerCase(Locale.ROOT).startsWith("zh")
            ? Locale.SIMPLIFIED_CHINESE
            : Locale.ENGLISH;
      }
    }
    return Locale.ENGLISH;
  }

  public Locale locale() {
    return locale;
  }

  /** The {@code Accept-Language} the CLI sends so that server messages match its own. */
  public String acceptLanguage() {
    return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  public String get(String key, Object... arguments) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return new MessageFormat(pattern, locale).format(arguments);
  }
}
