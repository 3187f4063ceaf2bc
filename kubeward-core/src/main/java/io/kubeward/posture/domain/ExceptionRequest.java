package io.kubeward.posture.domain;

import io.kubeward.common.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a user asks for when recording an exception; {@link #problems} validates it. */
public record ExceptionRequest(
    String check,
    String scope,
    String namespace,
    String kind,
    String name,
    String reason,
    Instant expiresAt) {

  public static final int MAX_REASON = 1000;

  /** Every problem with the request, in English; empty when it may be stored. */
  public List<String> problems(Instant now, Duration maxDuration) {
    List<String> problems = new ArrayList<>();
    if (Check.fromWire(check) == null) {
      problems.add("check: unknown check \"" + check + "\"");
    }
    PostureException.Scope s = PostureException.Scope.fromWire(scope);
    if (s == null) {
      problems.add("scope: must be cluster, namespace or object");
    }
    if (s == PostureException.Scope.NAMESPACE || s == PostureException.Scope.OBJECT) {
      if (blank(namespace) && !(s == PostureException.Scope.OBJECT && clusterScopedKind())) {
        problems.add("namespace: required for scope " + scope);
      } else if (!blank(namespace) && !Names.isNamespace(namespace)) {
        problems.add("namespace: not a valid namespace name");
      }
    }
    if (s == PostureException.Scope.OBJECT) {
      if (blank(kind) || kind.length() > 63) {
        problems.add("kind: required for scope object (at most 63 characters)");
      }
      if (blank(name) || name.length() > 253) {
        problems.add("name: required for scope object (at most 253 characters)");
      }
    }
    if (blank(reason)) {
      problems.add("reason: required");
    } else if (reason.length() > MAX_REASON) {
      problems.add("reason: at most " + MAX_REASON + " characters");
    }
    if (expiresAt == null) {
      problems.add("expiresAt: required");
    } else if (!expiresAt.isAfter(now)) {
      problems.add("expiresAt: must be in the future");
    } else if (expiresAt.isAfter(now.plus(maxDuration))) {
      problems.add("expiresAt: at most " + maxDuration.toDays() + " days ahead");
    }
    return problems;
  }

  private boolean clusterScopedKind() {
    return "ClusterRoleBinding".equals(kind) || "Cluster".equals(kind);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
