package io.kubeward.diagnostics.app;

import io.kubeward.diagnostics.domain.RuleId;
import java.time.Instant;
import java.util.Optional;

/** Port: the site-specific runbook text an administrator attached to a rule (database). */
public interface RunbookStore {

  record SiteText(RuleId rule, String markdown, String updatedBy, Instant updatedAt) {}

  Optional<SiteText> find(RuleId rule);

  void save(SiteText text);

  /**
   * @return whether there was one
   */
  boolean delete(RuleId rule);
}
