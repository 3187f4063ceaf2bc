package io.kubeward.alert.app.channel;

import io.kubeward.alert.domain.channel.ChannelSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the channels (the server's JDBC store encrypts each secret with the credential key and the
 * channel's name as associated data). {@link Stored#settings()} holds the decrypted secrets: only
 * the delivery and the use case's merge of write-only secrets see them.
 */
public interface ChannelStore {

  record Stored(ChannelSettings settings, String updatedBy, Instant updatedAt) {}

  /** Every channel, by name. */
  List<Stored> all();

  /**
   * @throws ChannelException {@code alert-channel.unreadable} if its secrets do not decrypt
   */
  Optional<Stored> find(String name);

  /**
   * @return {@code false} if a channel of that name exists
   */
  boolean insert(Stored channel);

  /**
   * @return {@code false} if no channel of that name exists
   */
  boolean update(Stored channel);

  boolean delete(String name);
}
