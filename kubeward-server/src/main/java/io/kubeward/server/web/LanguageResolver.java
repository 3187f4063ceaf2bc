package io.kubeward.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks the language of user-facing messages from {@code Accept-Language}: any Chinese range
 * ({@code zh}, {@code zh-CN}, {@code zh-Hans}...) gives 简体中文, everything else English. Never the
 * server's own locale: the same request gets the same answer on every machine.
 */
public final class LanguageResolver implements LocaleResolver {

  public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return resolve(request.getHeader("Accept-Language"));
  }

  /** The locale for an {@code Accept-Language} header value (may be {@code null}). */
  public static Locale resolve(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.ENGLISH;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException e) {
      return Locale.ENGLISH;
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0) {
        continue;
      }
      String language = range.getRange().split("-")[0];
      if (language.equals("zh")) {
        return SIMPLIFIED_CHINESE;
      }
      if (language.equals("en")) {
        return Locale.ENGLISH;
      }
    }
    return Locale.ENGLISH;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("the language follows Accept-Language");
  }
}
