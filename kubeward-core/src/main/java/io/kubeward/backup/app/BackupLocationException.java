package io.kubeward.backup.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.List;
import java.util.Map;

/**
 * A storage location request that cannot be served, in words a user can act on (en + 简体中文 bundles).
 */
public final class BackupLocationException extends KubewardException {

  public static final String NOT_FOUND = "backup.location-not-found";
  public static final String EXISTS = "backup.location-exists";
  public static final String INVALID = "backup.location-invalid";
  public static final String ADDRESS_REFUSED = "backup.location-address-refused";
  public static final String CHECK_FAILED = "backup.location-check-failed";
  public static final String UNAVAILABLE = "backup.location-unavailable";
  public static final String FILE_NOT_FOUND = "backup.file-not-found";
  public static final String READ_ONLY = "backup.location-read-only";

  private BackupLocationException(
      String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  public static BackupLocationException notFound(String name) {
    return new BackupLocationException(
        NOT_FOUND, ErrorKind.NOT_FOUND, "No storage location " + name, props("name", name));
  }

  public static BackupLocationException exists(String name) {
    return new BackupLocationException(
        EXISTS,
        ErrorKind.CONFLICT,
        "The storage location " + name + " exists",
        props("name", name));
  }

  public static BackupLocationException invalid(String name, List<String> problems) {
    String joined = String.join("; ", problems);
    return new BackupLocationException(
        INVALID,
        ErrorKind.INVALID,
        "The storage location " + name + " is not valid: " + joined,
        props("name", name, "problems", joined));
  }

  public static BackupLocationException addressRefused(String name, String host, String reason) {
    return new BackupLocationException(
        ADDRESS_REFUSED,
        ErrorKind.INVALID,
        "The storage location " + name + " may not reach " + host + ": " + reason,
        props("name", name, "host", host, "reason", reason));
  }

  public static BackupLocationException checkFailed(String name, String cause) {
    return new BackupLocationException(
        CHECK_FAILED,
        ErrorKind.REJECTED,
        "The storage location " + name + " failed its check: " + cause,
        props("name", name, "cause", cause));
  }

  public static BackupLocationException unavailable(String name, String cause) {
    return new BackupLocationException(
        UNAVAILABLE,
        ErrorKind.UNAVAILABLE,
        "The storage location " + name + " cannot be used now: " + cause,
        props("name", name, "cause", cause));
  }

  public static BackupLocationException fileNotFound(String name, String key) {
    return new BackupLocationException(
        FILE_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "No file " + key + " in storage location " + name,
        props("name", name, "key", key));
  }

  public static BackupLocationException readOnly(String name) {
    return new BackupLocationException(
        READ_ONLY,
        ErrorKind.INVALID,
        "The storage location " + name + " is built in and cannot be changed or deleted",
        props("name", name));
  }
}
