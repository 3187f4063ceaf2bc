package io.kubeward.rightsizing.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the applied right-sizing changes, kept so that each can be reverted (Flyway V95). */
public interface RightsizingChangeStore {

  /** Stores a change (its id is ignored) and returns it with the id given. */
  RightsizingChange save(RightsizingChange change);

  Optional<RightsizingChange> find(String cluster, long id);

  /**
   * Marks a change reverted, if it is not yet.
   *
   * @return whether this call marked it
   */
  boolean markReverted(String cluster, long id, String by, Instant at);

  /** The newest changes of a cluster first, at most {@code limit}. */
  List<RightsizingChange> list(String cluster, int limit);
}
