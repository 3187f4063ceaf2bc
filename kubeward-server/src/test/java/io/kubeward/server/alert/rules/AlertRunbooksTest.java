package io.kubeward.server.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.domain.rule.DefaultRuleSet;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.rules.DiagnosticRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every default alert rule links a runbook that ships: a diagnostics rule's runbook or its own
 * bilingual {@code docs/runbooks/alert.<name>.md}, copied into the jar by the build.
 */
class AlertRunbooksTest {

  @Test
  void everyDefaultRuleLinksARunbookThatShips() throws IOException {
    for (DefaultRuleSet.DefaultRule rule : DefaultRuleSet.all()) {
      String link = rule.spec().annotations().get("runbook_url");
      String file;
      if (link.equals("{{ $runbook }}")) {
        String finding = rule.spec().condition().finding().rules().getFirst();
        assertThat(DiagnosticRules.all()).anyMatch(r -> r.id().equals(RuleId.of(finding)));
        file = finding;
      } else if (link.startsWith("/api/v1/diagnostics/rules/")) {
        file = link.substring("/api/v1/diagnostics/rules/".length(), link.indexOf("/runbook"));
      } else {
        assertThat(link).isEqualTo(DefaultRuleSet.alertRunbook(rule.name()));
        file = "alert." + rule.name();
      }
      try (InputStream in =
          AlertRunbooksTest.class.getResourceAsStream("/io/kubeward/runbooks/" + file + ".md")) {
        assertThat(in).as(rule.name() + " → " + file).isNotNull();
        String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("# " + file);
        assertThat(markdown.indexOf("# " + file, 1)).as(file + ": a 简体中文 title").isPositive();
      }
    }
  }
}
