package io.kubeward.alert.app;

import io.kubeward.alert.domain.HistoryEntry;

/**
 * Port: the alerting history (the engine's implementation, with its retention and queries); every
 * part records into it: the engine transitions, routing silences/inhibitions/mutes, channels each
 * delivery attempt. Never throws: a failure to record is logged by the implementation.
 */
public interface AlertHistory {

  void record(HistoryEntry entry);
}
