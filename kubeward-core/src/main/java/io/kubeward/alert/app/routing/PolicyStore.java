package io.kubeward.alert.app.routing;

import io.kubeward.alert.domain.routing.PolicyDocument;
import java.time.Instant;
import java.util.Optional;

/** Port: the one notification policy document, versioned (each save is a new version). */
public interface PolicyStore {

  /** A stored version of the document. */
  record Stored(long version, PolicyDocument document, String updatedBy, Instant updatedAt) {}

  /** The newest version, empty while none was saved. */
  Optional<Stored> current();

  /** The newest version's number, 0 while none was saved (cheap: checked on each pass). */
  long currentVersion();

  /**
   * Saves {@code document} as version {@code expectedVersion + 1}.
   *
   * @throws PolicyConflictException if the newest version is not {@code expectedVersion}
   */
  Stored save(PolicyDocument document, long expectedVersion, String by, Instant at);
}
