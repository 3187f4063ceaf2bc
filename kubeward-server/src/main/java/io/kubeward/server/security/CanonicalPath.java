package io.kubeward.server.security;

import java.util.Optional;

/**
 * Whether a request path, as sent (not decoded), is in the one spelling the security rules compare:
 * no percent-encoded unreserved character ({@code /%61pi} for {@code /api}), no encoded {@code /},
 * {@code \}, {@code %} or {@code ;}, no empty segment ({@code //}) nor one of encoded spaces only
 * (a blank name would reach an adapter as "no name", i.e. the whole collection), no {@code .} or
 * {@code ..} segment, no {@code ;} path parameters, no backslash, no control or raw non-ASCII
 * character, no malformed escape. Percent-encoded reserved and non-ASCII characters stay allowed
 * (they cannot spell another path). Pure.
 */
public final class CanonicalPath {

  private CanonicalPath() {}

  /** Why {@code rawPath} is not canonical, or empty when it is. */
  public static Optional<String> violation(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return Optional.of("the path must start with /");
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == ';') {
        return Optional.of("path parameters (;) are not accepted");
      }
      if (c == '\\') {
        return Optional.of("a backslash is not accepted");
      }
      if (c < 0x21 || c > 0x7e) {
        return Optional.of("control, space and raw non-ASCII characters must be percent-encoded");
      }
      if (c == '%') {
        if (i + 2 >= rawPath.length()
            || hex(rawPath.charAt(i + 1)) < 0
            || hex(rawPath.charAt(i + 2)) < 0) {
          return Optional.of("malformed percent-encoding");
        }
        int decoded = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
        if (isUnreserved(decoded)) {
          return Optional.of(
              "percent-encoded unreserved character '" + (char) decoded + "': write it plainly");
        }
        if (decoded == '/' || decoded == '\\' || decoded == '%' || decoded == ';') {
          return Optional.of("an encoded '" + (char) decoded + "' is not accepted");
        }
        if (decoded < 0x20 || decoded == 0x7f) {
          return Optional.of("an encoded control character is not accepted");
        }
        i += 2;
      }
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    for (int s = 0; s < segments.length; s++) {
      String segment = segments[s];
      if (segment.isEmpty() && s < segments.length - 1) {
        return Optional.of("empty path segments (//) are not accepted");
      }
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("dot segments (. and ..) are not accepted");
      }
      if (!segment.isEmpty() && segment.replace("%20", "").isEmpty()) {
        return Optional.of("a path segment of spaces only is not accepted");
      }
    }
    return Optional.empty();
  }

  /** RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". */
  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
