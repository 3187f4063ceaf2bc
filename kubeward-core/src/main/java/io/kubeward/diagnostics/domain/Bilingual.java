package io.kubeward.diagnostics.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A text users read, made by a rule in English and 简体中文 (rules write both: findings carry facts
 * such as names and exit codes inside the sentence, which message bundles with positional arguments
 * would make hard to read in the rule's code).
 */
public record Bilingual(String en, String zh) {

  public Bilingual {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(zh, "zh");
  }

  public static Bilingual of(String en, String zh) {
    return new Bilingual(en, zh);
  }

  /** The text for a locale: 简体中文 for any {@code zh*}, else English. */
  public String in(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
  }

  /** Both texts followed by another's ({@code separator} between), e.g. to add a sentence. */
  public Bilingual append(String separator, Bilingual more) {
    return new Bilingual(en + separator + more.en, zh + separator + more.zh);
  }
}
