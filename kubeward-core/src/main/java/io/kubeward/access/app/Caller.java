package io.kubeward.access.app;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.TokenScope;
import java.util.List;
import java.util.Objects;

/**
 * Who is asking, from where: the first argument of every use case. The edges (REST, console, CLI,
 * controllers) build it; use cases authorize and audit with it.
 *
 * @param clientAddress the remote address (behind a trusted proxy: the client's), or {@code null}
 *     for controllers
 * @param tokenScope what the caller's API token narrows its grants to; {@link TokenScope#FULL} for
 *     console sessions and controllers
 */
public record Caller(
    Principal principal, Origin origin, String clientAddress, TokenScope tokenScope) {

  public Caller {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(tokenScope, "tokenScope");
  }

  /** A caller without token scope ({@link TokenScope#FULL}). */
  public Caller(Principal principal, Origin origin, String clientAddress) {
    this(principal, origin, clientAddress, TokenScope.FULL);
  }

  public String username() {
    return principal.username();
  }

  /** Kubeward's own controllers: admin everywhere, audited with origin CONTROLLER. */
  public static Caller controller(String name) {
    return new Caller(
        new Principal(
            "controller:" + name,
            List.of(new Grant(io.kubeward.access.domain.Role.ADMIN, Scope.everywhere()))),
        Origin.CONTROLLER,
        null);
  }
}
