package io.kubeward.backup.domain.archive;

import io.kubeward.backup.domain.ObjectRef;
import java.nio.charset.StandardCharsets;

/**
 * Names inside an archive and keys of a storage location (docs/ARCHIVE-FORMAT.md).
 *
 * <p>An object's entry: {@code objects/<namespace>/<kind>/<name>.yaml}, where {@code <namespace>}
 * is {@value #CLUSTER_SCOPED} for cluster-scoped objects and {@code <kind>} is {@link #kindKey}.
 * Each segment keeps {@code A-Z a-z 0-9 . - :} and percent-encodes every other byte of its UTF-8
 * form ({@code .} and {@code ..} as a whole are encoded too), so no name can escape its folder.
 */
public final class ArchivePaths {

  public static final String OBJECTS = "objects/";
  public static final String CLUSTER_SCOPED = "_cluster";
  public static final String YAML = ".yaml";
  public static final String SEALED = ".yaml.sealed";

  /** The longest storage key accepted (S3's limit). */
  public static final int MAX_KEY_LENGTH = 1024;

  private ArchivePaths() {}

  /** {@code Kind} for the core group, {@code Kind.group} otherwise (the key of counts per kind). */
  public static String kindKey(ObjectRef ref) {
    return ref.group().isEmpty() ? ref.kind() : ref.kind() + "." + ref.group();
  }

  /** Whether {@code ref} is sealed in an archive (core Secrets). */
  public static boolean sealed(ObjectRef ref) {
    return ref.group().isEmpty() && ref.kind().equals("Secret");
  }

  /** The entry of {@code ref}. */
  public static String entry(ObjectRef ref) {
    String namespace = ref.namespace() == null ? CLUSTER_SCOPED : segment(ref.namespace());
    return OBJECTS
        + namespace
        + "/"
        + segment(kindKey(ref))
        + "/"
        + segment(ref.name())
        + (sealed(ref) ? SEALED : YAML);
  }

  static String segment(String raw) {
    if (raw.equals(".") || raw.equals("..")) {
      return raw.replace(".", "%2E");
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == ':') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /**
   * Why {@code path} may not name an entry or a stored file, or null when it may: empty, longer
   * than {@value #MAX_KEY_LENGTH}, a leading {@code /}, a backslash, a {@code .} or {@code ..} or
   * empty segment, a control character.
   */
  public static @org.jspecify.annotations.Nullable String unsafe(String path) {
    if (path == null || path.isEmpty()) {
      return "the name is empty";
    }
    if (path.length() > MAX_KEY_LENGTH) {
      return "the name is longer than " + MAX_KEY_LENGTH + " characters";
    }
    if (path.startsWith("/")) {
      return "the name starts with /";
    }
    if (path.indexOf('\\') >= 0) {
      return "the name holds a backslash";
    }
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7f) {
        return "the name holds a control character";
      }
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return "the name holds a " + segment + " segment";
      }
      if (segment.isEmpty() && !path.endsWith("/")) {
        return "the name holds an empty segment";
      }
    }
    return null;
  }

  /**
   * {@code key} if it may name a stored file.
   *
   * @throws IllegalArgumentException if it may not ({@link #unsafe})
   */
  public static String requireSafeKey(String key) {
    String why = unsafe(key);
    if (why != null || key.endsWith("/")) {
      throw new IllegalArgumentException(
          "not a valid storage key " + quoted(key) + ": " + (why == null ? "ends with /" : why));
    }
    return key;
  }

  /** {@code prefix} if it may start stored keys (empty, or a safe name that may end with /). */
  public static String requireSafePrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    String why = unsafe(prefix);
    if (why != null) {
      throw new IllegalArgumentException("not a valid key prefix " + quoted(prefix) + ": " + why);
    }
    return prefix;
  }

  private static String quoted(String s) {
    if (s == null) {
      return "null";
    }
    return "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
  }
}
