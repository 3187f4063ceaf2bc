package io.kubeward.posture.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An accepted risk: a check's failures in a scope (the cluster, a namespace, or one object) do not
 * lower the score until {@code expiresAt}. Recorded with a reason and who recorded it (ADR 0050).
 */
public record PostureException(
    String id,
    String cluster,
    Check check,
    Scope scope,
    String namespace,
    String kind,
    String name,
    String reason,
    Instant expiresAt,
    String createdBy,
    Instant createdAt) {

  /** Where an exception applies. */
  public enum Scope {
    CLUSTER,
    NAMESPACE,
    OBJECT;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Scope fromWire(String wire) {
      for (Scope s : values()) {
        if (s.wireName().equalsIgnoreCase(wire)) {
          return s;
        }
      }
      return null;
    }
  }

  public PostureException {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean active(Instant now) {
    return now.isBefore(expiresAt);
  }

  /** Whether this exception, unexpired at {@code now}, covers the failed result. */
  public boolean covers(Result result, Instant now) {
    if (!active(now) || result.check() != check) {
      return false;
    }
    Subject s = result.subject();
    return switch (scope) {
      case CLUSTER -> true;
      case NAMESPACE -> Objects.equals(namespace, s.namespace());
      case OBJECT ->
          Objects.equals(namespace, s.namespace())
              && Objects.equals(kind, s.kind())
              && Objects.equals(name, s.name());
    };
  }
}
