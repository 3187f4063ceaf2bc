package io.kubeward.diagnostics.app;

import io.kubeward.diagnostics.domain.RuleId;
import java.util.Optional;

/**
 * Port: the runbook shipped with a rule ({@code docs/runbooks/<rule-id>.md}, English then 简体中文).
 */
public interface RunbookSource {

  Optional<String> markdown(RuleId rule);
}
