package io.kubeward.alert.app.routing;

import io.kubeward.alert.domain.AlertScope;
import java.util.List;

/**
 * Port: which alert scopes this replica notifies now: the clusters whose controllers it leads (ADR
 * 0014) and the site scope while it is the site leader (the engine's lease).
 */
public interface ScopeOwnership {

  boolean owns(AlertScope scope);

  /** Every scope {@link #owns} says yes to now. */
  List<AlertScope> owned();
}
