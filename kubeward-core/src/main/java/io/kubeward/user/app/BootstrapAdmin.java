package io.kubeward.user.app;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.user.domain.PasswordPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * First start: when no user exists, creates {@value #ADMIN} (ADMIN everywhere) with the configured
 * password, or a generated one that must be changed at the first sign-in. Later starts change
 * nothing, whatever is configured. Replicas starting at once on one empty database race: one
 * creates the admin, the others find it exists and go on.
 */
public final class BootstrapAdmin {

  public static final String ADMIN = "admin";

  /** The admin just created; {@code generated} when Kubeward made the password up. */
  public record Created(String username, String password, boolean generated) {
    @Override
    public String toString() {
      return "Created[username=" + username + ", password=***, generated=" + generated + "]";
    }
  }

  private final UserStore users;
  private final PasswordHasher hasher;
  private final Clock clock;

  public BootstrapAdmin(UserStore users, PasswordHasher hasher, Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.clock = clock;
  }

  /**
   * @param configuredPassword {@code kubeward.security.admin-password}, or {@code null}
   * @param generator makes a password when none is configured
   * @return the admin if this call created it, empty if users existed
   */
  public Optional<Created> ensureAdmin(String configuredPassword, Supplier<String> generator) {
    if (!users.isEmpty()) {
      return Optional.empty();
    }
    boolean generated = configuredPassword == null;
    String password = generated ? generator.get() : configuredPassword;
    PasswordPolicy.violation(ADMIN, password)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException("admin-password " + reason);
            });
    try {
      users.create(
          ADMIN,
          hasher.hash(password),
          generated,
          List.of(new Grant(Role.ADMIN, Scope.everywhere())),
          clock.instant());
    } catch (AuthException e) {
      if (e.code().equals("user.exists")) {
        return Optional.empty(); // another replica starting on the same database was first
      }
      throw e;
    }
    return Optional.of(new Created(ADMIN, password, generated));
  }
}
