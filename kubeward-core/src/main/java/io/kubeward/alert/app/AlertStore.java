package io.kubeward.alert.app;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertScope;
import java.time.Instant;
import java.util.List;

/**
 * Port: the alerts of every scope, kept in Kubeward's database so that they survive a restart and a
 * failover (the engine's implementation; routing reads it).
 */
public interface AlertStore {

  /**
   * What routing considers for a scope: its firing alerts and those resolved at or after {@code
   * resolvedSince}, oldest {@code activeSince} first.
   */
  List<Alert> forDispatch(AlertScope scope, Instant resolvedSince);
}
