package io.kubeward.user.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password must look like: at least {@value #MIN_LENGTH} characters, at most {@value
 * #MAX_BYTES} bytes in UTF-8 (bcrypt ignores what follows), not the user name.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_BYTES = 72;

  private PasswordPolicy() {}

  /** Why {@code password} is not acceptable for {@code username}, or empty when it is. */
  public static Optional<String> violation(String username, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("must have at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("must have at most " + MAX_BYTES + " bytes in UTF-8");
    }
    if (password.equalsIgnoreCase(username)) {
      return Optional.of("must not be the user name");
    }
    return Optional.empty();
  }
}
