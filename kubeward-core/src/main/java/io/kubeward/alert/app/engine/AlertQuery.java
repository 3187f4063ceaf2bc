package io.kubeward.alert.app.engine;

import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.AlertState;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a store query of alerts selects: a scope ({@code null}: every scope; a cluster's alerts and
 * the site alerts about that cluster are asked for with {@code cluster}), states, severities
 * (empty: all) and a rule ({@link io.kubeward.alert.domain.RuleKey#value()}).
 */
public record AlertQuery(
    @Nullable String cluster,
    Set<AlertState> states,
    Set<AlertSeverity> severities,
    @Nullable String rule) {

  public AlertQuery {
    states = Set.copyOf(states);
    severities = Set.copyOf(severities);
  }

  public static AlertQuery all() {
    return new AlertQuery(null, Set.of(), Set.of(), null);
  }
}
