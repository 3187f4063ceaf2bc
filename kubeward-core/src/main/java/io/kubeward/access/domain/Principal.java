package io.kubeward.access.domain;

import java.util.List;
import java.util.Objects;

/** A signed-in user (or a controller) as the access policy sees it. */
public record Principal(String username, List<Grant> grants) {

  public Principal {
    Objects.requireNonNull(username, "username");
    grants = List.copyOf(grants);
  }
}
