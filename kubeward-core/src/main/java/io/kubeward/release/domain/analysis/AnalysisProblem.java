package io.kubeward.release.domain.analysis;

import java.util.Locale;

/**
 * One reason a list of checks is invalid: the field (a path such as {@code checks[1].interval}) and
 * what is wrong, in English and 简体中文.
 */
public record AnalysisProblem(String field, String en, String zh) {

  /** {@code field: message} in the locale's language (简体中文 for any {@code zh*}). */
  public String describe(Locale locale) {
    return field + ": " + (locale != null && "zh".equals(locale.getLanguage()) ? zh : en);
  }

  @Override
  public String toString() {
    return describe(Locale.ENGLISH);
  }
}
