package io.kubeward.server.backup.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.backup.app.BackupLocationException;
import io.kubeward.backup.app.BackupLocationStore;
import io.kubeward.backup.domain.BackupLocation;
import io.kubeward.server.cluster.CredentialCipher;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The S3 locations ({@code kubeward_backup_location}, Flyway V90): credentials as one JSON object
 * encrypted with the credential key (ADR 0009) and {@code backup-location:<name>} as associated
 * data. Listing never decrypts; {@link #find} does, and fails with {@code
 * backup.location-unavailable} when the key changed.
 */
final class JdbcBackupLocationStore implements BackupLocationStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "name, location_type, endpoint, region, bucket, key_prefix, path_style,"
          + " credentials_encrypted, allow_private_addresses, updated_by, updated_at";

  private final JdbcClient jdbc;
  private final CredentialCipher cipher;

  JdbcBackupLocationStore(JdbcClient jdbc, CredentialCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** How many locations hold encrypted credentials (guards the key file, ADR 0009). */
  static int encryptedValues(JdbcClient jdbc) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM kubeward_backup_location WHERE credentials_encrypted IS NOT NULL")
        .query(Integer.class)
        .single();
  }

  @Override
  public List<Stored> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM kubeward_backup_location ORDER BY name")
        .query((rs, row) -> read(rs, false))
        .list();
  }

  @Override
  public Optional<Stored> find(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM kubeward_backup_location WHERE name = ?")
        .params(name)
        .query((rs, row) -> read(rs, true))
        .optional();
  }

  private Stored read(ResultSet rs, boolean decrypt) throws SQLException {
    String name = rs.getString("name");
    String encrypted = rs.getString("credentials_encrypted");
    Credentials credentials = null;
    if (decrypt && encrypted != null) {
      try {
        Map<?, ?> map = JSON.readValue(cipher.decrypt(encrypted, associated(name)), Map.class);
        credentials =
            new Credentials(
                String.valueOf(map.get("accessKeyId")), String.valueOf(map.get("secretAccessKey")));
      } catch (IllegalStateException | IOException e) {
        throw BackupLocationException.unavailable(
            name,
            "its credentials do not decrypt with the configured key; an administrator must"
                + " register it again");
      }
    }
    BackupLocation location =
        new BackupLocation(
            name,
            BackupLocation.Type.valueOf(rs.getString("location_type")),
            rs.getString("endpoint"),
            rs.getString("region"),
            rs.getString("bucket"),
            rs.getString("key_prefix"),
            rs.getBoolean("path_style"),
            encrypted != null);
    return new Stored(
        location,
        rs.getBoolean("allow_private_addresses"),
        credentials,
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }

  @Override
  public boolean insert(Stored stored) {
    BackupLocation l = stored.location();
    String encrypted = null;
    if (stored.credentials() != null) {
      try {
        encrypted =
            cipher.encrypt(
                JSON.writeValueAsString(
                    Map.of(
                        "accessKeyId", stored.credentials().accessKeyId(),
                        "secretAccessKey", stored.credentials().secretAccessKey())),
                associated(l.name()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return jdbc.sql(
                  "INSERT INTO kubeward_backup_location ("
                      + COLUMNS
                      + ")"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  l.name(),
                  l.type().name(),
                  l.endpoint(),
                  l.region(),
                  l.bucket(),
                  l.prefix(),
                  l.pathStyle(),
                  encrypted,
                  stored.allowPrivateAddresses(),
                  stored.updatedBy(),
                  Timestamp.from(stored.updatedAt()))
              .update()
          > 0;
    } catch (DuplicateKeyException exists) {
      return false;
    }
  }

  @Override
  public boolean delete(String name) {
    return jdbc.sql("DELETE FROM kubeward_backup_location WHERE name = ?").params(name).update()
        > 0;
  }

  private static String associated(String name) {
    return "backup-location:" + name;
  }
}
