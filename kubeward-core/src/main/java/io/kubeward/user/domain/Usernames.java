package io.kubeward.user.domain;

import java.util.regex.Pattern;

/** Local user names: 1 to 64 of lower-case letters, digits and {@code . _ @ -}. */
public final class Usernames {

  public static final int MAX_LENGTH = 64;
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

  private Usernames() {}

  public static boolean isValid(String username) {
    return username != null && VALID.matcher(username).matches();
  }
}
