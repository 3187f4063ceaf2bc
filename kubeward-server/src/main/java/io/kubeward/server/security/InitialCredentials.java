package io.kubeward.server.security;

import java.security.SecureRandom;

/**
 * The credentials of the first user, {@code admin}: configured ({@code
 * kubeward.security.admin-password}) or generated at start. Kept in memory only so an embedding
 * launcher (the sandbox) can show them; {@link #toString()} never reveals the password.
 *
 * @param generated whether Kubeward made the password up
 */
public record InitialCredentials(String username, String password, boolean generated) {

  public static final String ADMIN = "admin";
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"; // no 0/O, 1/l/I
  static final int GENERATED_LENGTH = 24;

  static InitialCredentials configuredOrGenerated(String configuredPassword, SecureRandom random) {
    if (configuredPassword != null) {
      return new InitialCredentials(ADMIN, configuredPassword, false);
    }
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new InitialCredentials(ADMIN, password.toString(), true);
  }

  @Override
  public String toString() {
    return "InitialCredentials[username="
        + username
        + ", password=***, generated="
        + generated
        + "]";
  }
}
