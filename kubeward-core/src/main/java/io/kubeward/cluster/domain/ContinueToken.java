package io.kubeward.cluster.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} token of a list: the sort order and the key of the last item
 * returned. The next page starts after that key, so pages stay stable when objects are added or
 * removed meanwhile (an object whose sort key changes may move between pages, as in any live list).
 */
public record ContinueToken(SortOrder order, SortKey after) {

  private static final String VERSION = "k1";

  /** A token that cannot be decoded or belongs to another sort order. */
  public static final class InvalidTokenException extends IllegalArgumentException {
    InvalidTokenException(String message) {
      super(message);
    }
  }

  public String encode() {
    String text =
        String.join(
            "\n",
            VERSION,
            order.parameter(),
            Long.toString(after.number()),
            after.text(),
            after.namespace(),
            after.name());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws InvalidTokenException if {@code token} is no token of ours or was made for another sort
   *     order
   */
  public static ContinueToken decode(String token, SortOrder expected) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("the continue token is not one Kubeward made");
    }
    String[] parts = text.split("\n", -1);
    if (parts.length != 6 || !VERSION.equals(parts[0])) {
      throw new InvalidTokenException("the continue token is not one Kubeward made");
    }
    if (!expected.parameter().equals(parts[1])) {
      throw new InvalidTokenException(
          "the continue token belongs to sort order '"
              + parts[1]
              + "', not '"
              + expected.parameter()
              + "'");
    }
    long number;
    try {
      number = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      throw new InvalidTokenException("the continue token is not one Kubeward made");
    }
    return new ContinueToken(expected, new SortKey(number, parts[3], parts[4], parts[5]));
  }
}
