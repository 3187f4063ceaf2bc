package io.kubeward.alert.app.engine;

import io.kubeward.alert.app.AlertStore;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertScope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's side of the {@link AlertStore}: every alert of every scope, written by the replica
 * that evaluates the scope, read by any replica (routing, the API).
 */
public interface AlertStates extends AlertStore {

  /** Every alert of {@code scope} (pending, firing, resolved), to restore on becoming leader. */
  List<Alert> load(AlertScope scope);

  /** Writes {@code changed} (insert or replace) and deletes {@code dropped}, in one transaction. */
  void apply(AlertScope scope, Collection<Alert> changed, Set<String> dropped);

  Optional<Alert> find(AlertScope scope, String fingerprint);

  /**
   * Alerts matching {@code query}: firing first, then pending, then resolved; newest {@code
   * activeSince} first within each; at most {@code max}.
   */
  List<Alert> query(AlertQuery query, int max);

  /** Deletes resolved alerts resolved before {@code before}; the number deleted. */
  int purgeResolved(Instant before);
}
