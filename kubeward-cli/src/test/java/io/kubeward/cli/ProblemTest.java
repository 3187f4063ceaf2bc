package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private final Messages english = new Messages(Locale.ENGLISH);
  private final Messages chinese = new Messages(Locale.SIMPLIFIED_CHINESE);

  @Test
  void theDetailIsTheSentence() {
    Problem problem =
        Problem.of(
            404,
            """
            {"type":"urn:kubeward:problem:node.not-found","title":"Node not found",
             "status":404,"detail":"Node \\"nope\\" does not exist in cluster \\"local\\".",
             "code":"node.not-found"}""");

    assertThat(problem.code()).isEqualTo("node.not-found");
    assertThat(problem.sentence(english))
        .isEqualTo("Node \"nope\" does not exist in cluster \"local\".");
  }

  @Test
  void withoutDetailTheTitleAndWithoutJsonTheStatus() {
    assertThat(Problem.of(409, "{\"title\":\"Conflict\",\"status\":409}").sentence(english))
        .isEqualTo("Conflict");
    assertThat(Problem.of(502, "<html>Bad gateway</html>").sentence(english))
        .isEqualTo("Kubeward answered HTTP 502.");
    assertThat(Problem.of(502, "{broken").sentence(chinese)).isEqualTo("Kubeward 返回 HTTP 502。");
  }

  @Test
  void languageFollowsLcAllThenLcMessagesThenLang() {
    assertThat(Messages.localeOf(Map.of("LANG", "zh_CN.UTF-8")))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Messages.localeOf(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "C.UTF-8")))
        .isEqualTo(Locale.ENGLISH);
    assertThat(Messages.localeOf(Map.of("LC_MESSAGES", "zh_TW", "LANG", "en_US")))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Messages.localeOf(Map.of())).isEqualTo(Locale.ENGLISH);
    assertThat(chinese.acceptLanguage()).isEqualTo("zh-CN");
    assertThat(english.acceptLanguage()).isEqualTo("en");
  }

  @Test
  void everyEnglishTextHasAChineseOne() throws Exception {
    java.util.Properties en = new java.util.Properties();
    java.util.Properties zh = new java.util.Properties();
    try (var a = getClass().getResourceAsStream("/io/kubeward/cli/messages.properties");
        var b = getClass().getResourceAsStream("/io/kubeward/cli/messages_zh_CN.properties")) {
      en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
      zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(zh.keySet()).isEqualTo(en.keySet());
  }
}
