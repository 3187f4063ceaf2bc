package io.kubeward.etcd.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.List;
import java.util.Map;

/** An etcd request that cannot be served, in words an administrator can act on (en + 简体中文). */
public final class EtcdException extends KubewardException {

  public static final String NOT_CONFIGURED = "etcd.not-configured";
  public static final String INVALID = "etcd.invalid";
  public static final String SNAPSHOT_NOT_FOUND = "etcd.snapshot-not-found";
  public static final String SNAPSHOT_EXISTS = "etcd.snapshot-exists";
  public static final String SNAPSHOT_RUNNING = "etcd.snapshot-running";
  public static final String UNAVAILABLE = "etcd.unavailable";
  public static final String TLS_FAILED = "etcd.tls-failed";
  public static final String UNREADABLE = "etcd.unreadable";
  public static final String STORAGE_FAILED = "etcd.storage-failed";

  private EtcdException(String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  public static EtcdException notConfigured(String cluster) {
    return new EtcdException(
        NOT_CONFIGURED,
        ErrorKind.NOT_FOUND,
        "No etcd connection is configured for the cluster " + cluster,
        props("cluster", cluster));
  }

  public static EtcdException invalid(String cluster, List<String> problems) {
    String joined = String.join("; ", problems);
    return new EtcdException(
        INVALID,
        ErrorKind.INVALID,
        "The etcd connection of the cluster " + cluster + " is not valid: " + joined,
        props("cluster", cluster, "problems", joined));
  }

  public static EtcdException snapshotNotFound(String cluster, String id) {
    return new EtcdException(
        SNAPSHOT_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "No etcd snapshot " + id + " of the cluster " + cluster,
        props("cluster", cluster, "id", id));
  }

  public static EtcdException snapshotExists(String cluster, String id) {
    return new EtcdException(
        SNAPSHOT_EXISTS,
        ErrorKind.CONFLICT,
        "The etcd snapshot " + id + " of the cluster " + cluster + " exists; try again in a second",
        props("cluster", cluster, "id", id));
  }

  public static EtcdException snapshotRunning(String cluster) {
    return new EtcdException(
        SNAPSHOT_RUNNING,
        ErrorKind.CONFLICT,
        "A snapshot of etcd of the cluster " + cluster + " is being taken; wait until it ends",
        props("cluster", cluster));
  }

  /** etcd did not answer (refused, timed out, no leader) at any of the endpoints. */
  public static EtcdException unavailable(String cluster, String endpoints, String reason) {
    return new EtcdException(
        UNAVAILABLE,
        ErrorKind.UNAVAILABLE,
        "etcd of the cluster " + cluster + " (" + endpoints + ") cannot be reached: " + reason,
        props("cluster", cluster, "endpoints", endpoints, "reason", reason));
  }

  /** The TLS handshake failed: wrong CA, a client certificate etcd does not trust, a bad name. */
  public static EtcdException tlsFailed(String cluster, String endpoints, String reason) {
    return new EtcdException(
        TLS_FAILED,
        ErrorKind.REJECTED,
        "The TLS handshake with etcd of the cluster "
            + cluster
            + " ("
            + endpoints
            + ") failed: "
            + reason
            + "; check the CA, the client certificate and its key",
        props("cluster", cluster, "endpoints", endpoints, "reason", reason));
  }

  public static EtcdException unreadable(String cluster) {
    return new EtcdException(
        UNREADABLE,
        ErrorKind.UNAVAILABLE,
        "The etcd client key of the cluster "
            + cluster
            + " does not decrypt with the configured key; an administrator must enter it again",
        props("cluster", cluster));
  }

  public static EtcdException storageFailed(String cluster, String location, String reason) {
    return new EtcdException(
        STORAGE_FAILED,
        ErrorKind.UNAVAILABLE,
        "The storage location "
            + location
            + " failed for etcd snapshots of "
            + cluster
            + ": "
            + reason,
        props("cluster", cluster, "location", location, "reason", reason));
  }
}
