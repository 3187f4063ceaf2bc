package io.kubeward.diagnostics.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.diagnostics.domain.DiagnosticRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every rule that is not about a pod ships its bilingual runbook, named after its id. */
class OpsRunbooksTest {

  @Test
  void everyRuleHasABilingualRunbook() throws IOException {
    Path runbooks = Path.of("..", "docs", "runbooks");
    for (DiagnosticRule rule : DiagnosticRules.all()) {
      if (rule.id().value().startsWith("pod.")) {
        continue; // diag's
      }
      Path file = runbooks.resolve(rule.id().value() + ".md");
      assertThat(file).as(rule.id().value()).exists();
      String text = Files.readString(file);
      assertThat(text)
          .as(rule.id().value())
          .startsWith("# " + rule.id().value())
          .contains("## Symptoms", "## Evidence to read", "## Fixes", "```", "## 现象", "## 解决方法");
    }
  }
}
