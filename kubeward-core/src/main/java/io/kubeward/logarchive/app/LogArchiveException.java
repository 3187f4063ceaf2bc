package io.kubeward.logarchive.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.time.Duration;
import java.util.Map;

/** A log archive that is not configured, refused, unreachable, slow or answers nonsense. */
public final class LogArchiveException extends KubewardException {

  private LogArchiveException(String code, ErrorKind kind, String message, Map<String, Object> p) {
    super(code, kind, message, p);
  }

  public static LogArchiveException notConfigured(String cluster) {
    return new LogArchiveException(
        "log-archive.not-configured",
        ErrorKind.NOT_FOUND,
        "Cluster " + cluster + " has no log archive",
        props("cluster", cluster));
  }

  public static LogArchiveException invalid(String cluster, String reason) {
    return new LogArchiveException(
        "log-archive.invalid",
        ErrorKind.INVALID,
        "Invalid log archive request for " + cluster + ": " + reason,
        props("cluster", cluster, "reason", reason));
  }

  public static LogArchiveException addressRefused(String cluster, String host, String reason) {
    return new LogArchiveException(
        "log-archive.address-refused",
        ErrorKind.INVALID,
        "Log archive host " + host + " of " + cluster + " refused: " + reason,
        props("cluster", cluster, "host", host, "reason", reason));
  }

  public static LogArchiveException unavailable(String cluster, String reason) {
    return new LogArchiveException(
        "log-archive.unavailable",
        ErrorKind.UNAVAILABLE,
        "The log archive of " + cluster + " is unavailable: " + reason,
        props("cluster", cluster, "reason", reason));
  }

  public static LogArchiveException timeout(String cluster, Duration timeout) {
    return new LogArchiveException(
        "log-archive.timeout",
        ErrorKind.TIMED_OUT,
        "The log archive of " + cluster + " did not answer within " + timeout,
        props("cluster", cluster, "seconds", timeout.toSeconds()));
  }

  /** The archive refused the search (an unknown index, a field of the wrong type, ...). */
  public static LogArchiveException rejected(String cluster, int status, String reason) {
    return new LogArchiveException(
        "log-archive.rejected",
        ErrorKind.INVALID,
        "The log archive of " + cluster + " refused the search (HTTP " + status + "): " + reason,
        props("cluster", cluster, "status", status, "reason", reason));
  }
}
