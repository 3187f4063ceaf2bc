package io.kubeward.etcd.app;

import io.kubeward.etcd.domain.EtcdConnection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the etcd connections, one per cluster, with the client certificate and key encrypted at
 * rest by the adapter.
 */
public interface EtcdConnectionStore {

  record Stored(String cluster, EtcdConnection connection, String updatedBy, Instant updatedAt) {}

  /**
   * The cluster's connection.
   *
   * @throws io.kubeward.etcd.domain.EtcdException {@code etcd.unreadable} when the stored key does
   *     not decrypt
   */
  Optional<Stored> find(String cluster);

  /** Inserts or replaces the cluster's connection. */
  void save(Stored stored);

  /** Removes it; false when there was none. */
  boolean delete(String cluster);

  /** The clusters that have a connection, sorted. */
  List<String> clusters();
}
