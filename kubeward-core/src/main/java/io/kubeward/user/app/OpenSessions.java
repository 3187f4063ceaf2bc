package io.kubeward.user.app;

/**
 * Port: what a user has open in this process beyond single requests (Server-Sent Event streams).
 * Told when a user's sessions must end (password set, disabled, deleted, grants narrowed) so they
 * close at once here; other replicas notice within seconds because the streams re-check their
 * caller against the database.
 */
@FunctionalInterface
public interface OpenSessions {

  /** Ends what {@code userId} has open in this process; must not block for long. */
  void endAll(long userId);

  OpenSessions NONE = userId -> {};
}
