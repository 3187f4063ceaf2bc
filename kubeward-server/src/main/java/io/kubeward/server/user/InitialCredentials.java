package io.kubeward.server.user;

import java.security.SecureRandom;

/**
 * The credentials of the first user, {@code admin}, as far as this process knows them: configured
 * ({@code kubeward.security.admin-password}) or generated when this start created the user. Kept in
 * memory only so an embedding launcher (the sandbox) can show them; {@link #toString()} never
 * reveals the password.
 *
 * @param password {@code null} when {@code admin} existed before this start (its password was set
 *     then, and may have been changed since)
 * @param generated whether Kubeward made the password up at this start (it must be changed at the
 *     first sign-in)
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
    return new InitialCredentials(ADMIN, generatePassword(random), true);
  }

  static String generatePassword(SecureRandom random) {
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  /** Whether this process knows the admin's password (it created the user at this start). */
  public boolean known() {
    return password != null;
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
