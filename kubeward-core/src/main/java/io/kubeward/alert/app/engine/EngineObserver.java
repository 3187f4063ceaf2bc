package io.kubeward.alert.app.engine;

import io.kubeward.alert.domain.AlertScope;
import java.time.Duration;

/** What the engine reports for metrics (the server binds it to Micrometer). */
public interface EngineObserver {

  EngineObserver NONE = (scope, took, rules, failed, transitions) -> {};

  /**
   * One evaluation of a scope's rules.
   *
   * @param rules rules evaluated
   * @param failed rules whose evaluation failed (their alerts kept as they were)
   * @param transitions alerts that started firing or resolved
   */
  void evaluated(AlertScope scope, Duration took, int rules, int failed, int transitions);
}
