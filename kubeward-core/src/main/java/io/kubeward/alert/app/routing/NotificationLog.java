package io.kubeward.alert.app.routing;

import io.kubeward.alert.domain.routing.NotificationLogEntry;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: the persistent notification log, one entry per scope, group and channel (what the channel
 * was last told). Written after a delivery succeeded, read before each decision to notify.
 */
public interface NotificationLog {

  Optional<NotificationLogEntry> find(String scopeKey, String groupKey, String channel);

  void put(NotificationLogEntry entry);

  /**
   * The oldest {@code sentAt} of the scope's entries that still list firing alerts: resolutions
   * after it may still be owed to a channel.
   */
  Optional<Instant> oldestWithFiring(String scopeKey);

  /** Deletes entries last written before {@code before}; returns how many. */
  int purge(Instant before);
}
