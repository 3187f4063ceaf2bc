package io.kubeward.etcd.app;

import io.kubeward.etcd.domain.EtcdConnection;
import io.kubeward.etcd.domain.EtcdTls;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/** Port: streams a snapshot of a cluster's etcd (its maintenance API) into a stream. */
public interface EtcdSnapshotter {

  /** What etcd said when it sent the snapshot. */
  record Taken(String endpoint, @Nullable Long revision, @Nullable String etcdVersion) {}

  /**
   * Writes etcd's snapshot (the bbolt database plus its trailing SHA-256) to {@code out}, in
   * bounded memory, trying the endpoints in order until one answers.
   *
   * @throws io.kubeward.etcd.domain.EtcdException {@code etcd.unavailable} when no endpoint
   *     answers, {@code etcd.tls-failed} when the TLS handshake fails
   */
  Taken snapshot(String cluster, EtcdConnection connection, EtcdTls tls, OutputStream out);
}
