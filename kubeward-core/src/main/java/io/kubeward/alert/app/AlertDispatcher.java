package io.kubeward.alert.app;

import io.kubeward.alert.domain.AlertScope;

/**
 * Port: routing. The engine calls {@link #wake} right after it stored a transition of a scope's
 * alerts (an alert started firing or resolved), so a notification does not wait for routing's next
 * periodic pass. Returns at once; never throws.
 */
public interface AlertDispatcher {

  void wake(AlertScope scope);
}
