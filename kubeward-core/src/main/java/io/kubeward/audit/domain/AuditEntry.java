package io.kubeward.audit.domain;

import io.kubeward.access.domain.Origin;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened, as written to the audit log: who, from where, what, where, the change and the
 * result. Kubeward's own resources (users, grants, clusters) use cluster {@code "kubeward"}.
 *
 * @param diff a unified diff of the change (before → after), or {@code null} (deletes, reads)
 * @param error the stable error code and message when {@code result} is FAILURE, else {@code null}
 */
public record AuditEntry(
    Instant time,
    String user,
    Origin origin,
    String clientAddress,
    String cluster,
    String namespace,
    String kind,
    String name,
    String verb,
    String diff,
    Result result,
    String error) {

  public enum Result {
    SUCCESS,
    FAILURE
  }

  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(result, "result");
  }
}
