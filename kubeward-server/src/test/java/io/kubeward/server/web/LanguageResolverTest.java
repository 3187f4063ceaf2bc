package io.kubeward.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageResolverTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "zh-CN|zh_CN",
        "zh|zh_CN",
        "zh-Hans-CN,zh;q=0.9,en;q=0.8|zh_CN",
        "en-US,en;q=0.9|en",
        "fr-FR,zh;q=0.5|zh_CN",
        "de|en",
        "''|en",
        "not a header;;;|en",
      })
  void choosesChineseForAnyChineseRangeElseEnglish(String header, String expected) {
    assertThat(LanguageResolver.resolve(header))
        .isEqualTo(Locale.forLanguageTag(expected.replace('_', '-')));
  }
}
