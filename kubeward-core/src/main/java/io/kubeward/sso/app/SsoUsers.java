package io.kubeward.sso.app;

import io.kubeward.sso.domain.Mapped;
import io.kubeward.user.domain.UserAccount;
import java.time.Instant;

/**
 * Port: the Kubeward users that single sign-on provisions (source {@code sso}, no password), with
 * their mapped grants and Kubernetes groups stored next to local users' grants, so that every
 * replica loads them with the user on each request.
 */
public interface SsoUsers {

  /**
   * Creates the user or replaces its grants and groups by {@code mapped}, atomically.
   *
   * @return the user as stored now
   * @throws SsoException {@code sso.local-user} if a local user has the name
   */
  UserAccount provision(String username, Mapped mapped, Instant now);
}
