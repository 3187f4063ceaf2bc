package io.kubeward.backup.app;

import io.kubeward.backup.domain.BackupLocation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Port: the S3 locations an administrator registered (the server's JDBC store, table {@code
 * kubeward_backup_location}, Flyway V90, credentials encrypted with the credential key and the
 * location's name as associated data). {@link BackupLocation#LOCAL} is never stored.
 */
public interface BackupLocationStore {

  /** An access key pair; {@link #toString()} never shows the secret. */
  record Credentials(String accessKeyId, String secretAccessKey) {
    @Override
    public String toString() {
      return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
    }
  }

  /**
   * A stored location.
   *
   * @param credentials decrypted by {@link #find}; null from {@link #all} and when there are none
   */
  record Stored(
      BackupLocation location,
      boolean allowPrivateAddresses,
      @Nullable Credentials credentials,
      String updatedBy,
      Instant updatedAt) {}

  /** Every location, by name, credentials not decrypted. */
  List<Stored> all();

  /**
   * The location with its credentials.
   *
   * @throws BackupLocationException {@code backup.location-unavailable} when its credentials do not
   *     decrypt with the configured key
   */
  Optional<Stored> find(String name);

  /**
   * @return false if a location of that name exists
   */
  boolean insert(Stored location);

  boolean delete(String name);
}
