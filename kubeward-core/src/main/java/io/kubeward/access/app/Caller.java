package io.kubeward.access.app;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Scope;
import java.util.List;
import java.util.Objects;

/**
 * Who is asking, from where: the first argument of every use case. The edges (REST, console, CLI,
 * controllers) build it; use cases authorize and audit with it.
 *
 * @param clientAddress the remote address, or {@code null} for controllers
 */
public record Caller(Principal principal, Origin origin, String clientAddress) {

  public Caller {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(origin, "origin");
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
