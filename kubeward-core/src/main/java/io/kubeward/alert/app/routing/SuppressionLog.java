package io.kubeward.alert.app.routing;

import java.time.Instant;

/**
 * Port: which holds (silence, inhibition, mute) were already recorded in the history for which
 * firing of which alert, so each is recorded once, across restarts and replicas.
 */
public interface SuppressionLog {

  /**
   * Notes the hold and answers whether it is new.
   *
   * @param reason e.g. {@code silence:<id>}, {@code inhibited}, {@code maintenance}, {@code
   *     interval:<name>}
   */
  boolean firstTime(String scopeKey, String fingerprint, Instant firingSince, String reason);

  /** Deletes the notes for firings that began before {@code before}. */
  int purge(Instant before);
}
