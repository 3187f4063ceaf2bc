package io.kubeward.alert.domain.state;

import io.kubeward.alert.domain.Alert;
import java.util.List;
import java.util.Set;

/**
 * What one step of the state machine does to one rule's alerts: the alerts as they are now (to keep
 * and store), those that changed (to write), the fingerprints of pending alerts that were dropped
 * (to delete: nobody was told about them) and the transitions (to record and to notify).
 */
public record Outcome(
    List<Alert> alerts, List<Alert> changed, Set<String> dropped, List<Transition> transitions) {

  public Outcome {
    alerts = List.copyOf(alerts);
    changed = List.copyOf(changed);
    dropped = Set.copyOf(dropped);
    transitions = List.copyOf(transitions);
  }

  public boolean notifies() {
    return !transitions.isEmpty();
  }
}
