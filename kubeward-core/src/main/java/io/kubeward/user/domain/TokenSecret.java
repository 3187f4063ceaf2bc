package io.kubeward.user.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Personal API tokens: {@code kw_} and 43 characters of base64url (256 random bits). Only the
 * SHA-256 of a token is stored; a token is shown once, when it is made. Plain SHA-256 (no salt, no
 * stretching) is enough for 256 random bits and lets a request find its token by hash.
 */
public final class TokenSecret {

  public static final String PREFIX = "kw_";
  private static final int RANDOM_BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("kw_[A-Za-z0-9_-]{43}");

  private TokenSecret() {}

  /** A new token from a cryptographically strong generator (e.g. {@code SecureRandom}). */
  public static String generate(RandomGenerator random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static boolean isWellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }

  /**
   * The token of an {@code Authorization} header value {@code Bearer kw_...}, if it is one; the
   * scheme is case-insensitive.
   */
  public static Optional<String> fromAuthorization(String header) {
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip());
  }

  /** The stored form: lower-case hex SHA-256 of the token's UTF-8 bytes. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
