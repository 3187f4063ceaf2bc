package io.kubeward.server.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.diagnostics.domain.DiagnosticRule;
import io.kubeward.diagnostics.domain.rules.DiagnosticRules;
import org.junit.jupiter.api.Test;

/**
 * Every registered rule ships its runbook ({@code docs/runbooks/<rule-id>.md}, copied into the jar
 * by the build): titled with the rule id, English first, then 简体中文.
 */
class RunbooksPackagedTest {

  @Test
  void everyRuleHasABilingualRunbookInTheJar() {
    ClasspathRunbooks runbooks = new ClasspathRunbooks();
    for (DiagnosticRule rule : DiagnosticRules.all()) {
      String id = rule.id().value();
      assertThat(runbooks.markdown(rule.id()))
          .as(id)
          .hasValueSatisfying(
              markdown -> {
                assertThat(markdown).as(id).startsWith("# " + id);
                assertThat(
                        markdown
                            .codePoints()
                            .anyMatch(
                                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .as(id + " has a 简体中文 part")
                    .isTrue();
                assertThat(markdown.indexOf("# " + id, 1))
                    .as(id + ": a second, Chinese, title")
                    .isPositive();
              });
    }
  }
}
