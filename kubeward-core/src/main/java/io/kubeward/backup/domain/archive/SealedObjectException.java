package io.kubeward.backup.domain.archive;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A Secret that cannot be sealed (no key configured: never written in plaintext) or a sealed entry
 * that cannot be opened (its key is not configured, or it was altered). English here, en + 简体中文
 * through the server's bundles.
 */
public final class SealedObjectException extends KubewardException {

  public static final String KEY_MISSING = "backup.encryption-key-missing";
  public static final String KEY_UNKNOWN = "backup.encryption-key-unknown";
  public static final String UNREADABLE = "backup.sealed-entry-unreadable";

  private SealedObjectException(
      String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  /** A Secret was to be archived but no encryption key is configured. */
  public static SealedObjectException keyMissing(String object) {
    return new SealedObjectException(
        KEY_MISSING,
        ErrorKind.INVALID,
        "Cannot back up "
            + object
            + ": Secrets are sealed with an encryption key and none is configured"
            + " (kubeward.backups.encryption.keys and .active-key)",
        props("object", object));
  }

  public static SealedObjectException keyUnknown(
      @Nullable String keyId, Collection<String> configured) {
    String known = configured.isEmpty() ? "none" : String.join(", ", new TreeSet<>(configured));
    return new SealedObjectException(
        KEY_UNKNOWN,
        ErrorKind.REJECTED,
        "The archive's Secrets are sealed with encryption key "
            + keyId
            + ", which is not configured (configured: "
            + known
            + ")",
        props("keyId", keyId, "configured", known));
  }

  public static SealedObjectException unreadable(String entry, String why) {
    return new SealedObjectException(
        UNREADABLE,
        ErrorKind.REJECTED,
        "The sealed entry " + entry + " does not open: " + why,
        props("entry", entry, "reason", why));
  }
}
