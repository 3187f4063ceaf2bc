package io.kubeward.server.logarchive;

import io.kubeward.logarchive.app.LogArchiveConfigStore;
import io.kubeward.logarchive.app.LogArchiveException;
import io.kubeward.logarchive.domain.LogArchiveSettings;
import io.kubeward.server.cluster.CredentialCipher;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each cluster's log archive settings ({@code kubeward_log_archive}); the secret encrypted with the
 * key of the cluster credentials (ADR 0009) with {@code log-archive:<cluster>} as associated data,
 * as the Prometheus settings do.
 */
final class JdbcLogArchiveConfigStore implements LogArchiveConfigStore {

  private static final String COLUMNS =
      "url, index_pattern, auth_kind, username, secret_encrypted, insecure_skip_verify, ca_pem,"
          + " allow_private_addresses, timeout_millis, field_timestamp, field_namespace, field_pod,"
          + " field_container, field_message, keyword_suffix, updated_by, updated_at";

  private final JdbcClient jdbc;
  private final CredentialCipher cipher;

  JdbcLogArchiveConfigStore(JdbcClient jdbc, CredentialCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  static int encryptedValues(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM kubeward_log_archive WHERE secret_encrypted IS NOT NULL")
        .query(Integer.class)
        .single();
  }

  @Override
  public Optional<Stored> find(String cluster) {
    return jdbc.sql(
            "SELECT cluster_name, " + COLUMNS + " FROM kubeward_log_archive WHERE cluster_name = ?")
        .params(cluster)
        .query((rs, row) -> read(rs))
        .optional();
  }

  private Stored read(ResultSet rs) throws SQLException {
    String cluster = rs.getString("cluster_name");
    String encrypted = rs.getString("secret_encrypted");
    String secret;
    try {
      secret = encrypted == null ? null : cipher.decrypt(encrypted, associated(cluster));
    } catch (IllegalStateException e) {
      throw LogArchiveException.unavailable(
          cluster,
          "the stored log archive credentials do not decrypt with the configured key; an"
              + " administrator must configure the log archive again");
    }
    LogArchiveSettings settings =
        new LogArchiveSettings(
            URI.create(rs.getString("url")),
            rs.getString("index_pattern"),
            LogArchiveSettings.Auth.valueOf(rs.getString("auth_kind").toUpperCase(Locale.ROOT)),
            rs.getString("username"),
            secret,
            rs.getBoolean("insecure_skip_verify"),
            rs.getString("ca_pem"),
            rs.getBoolean("allow_private_addresses"),
            Duration.ofMillis(rs.getLong("timeout_millis")),
            new LogArchiveSettings.Fields(
                rs.getString("field_timestamp"),
                rs.getString("field_namespace"),
                rs.getString("field_pod"),
                rs.getString("field_container"),
                rs.getString("field_message"),
                rs.getString("keyword_suffix")));
    return new Stored(
        cluster, settings, rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
  }

  @Override
  public void save(Stored stored) {
    LogArchiveSettings s = stored.settings();
    String encrypted =
        s.secret() == null ? null : cipher.encrypt(s.secret(), associated(stored.cluster()));
    Object[] values = {
      s.url().toString(),
      s.indexPattern(),
      s.auth().name().toLowerCase(Locale.ROOT),
      s.username(),
      encrypted,
      s.insecureSkipVerify(),
      s.caPem(),
      s.allowPrivateAddresses(),
      s.timeout().toMillis(),
      s.fields().timestamp(),
      s.fields().namespace(),
      s.fields().pod(),
      s.fields().container(),
      s.fields().message(),
      s.fields().keywordSuffix(),
      stored.updatedBy(),
      Timestamp.from(stored.updatedAt()),
      stored.cluster()
    };
    int updated =
        jdbc.sql(
                "UPDATE kubeward_log_archive SET url = ?, index_pattern = ?, auth_kind = ?,"
                    + " username = ?, secret_encrypted = ?, insecure_skip_verify = ?, ca_pem = ?,"
                    + " allow_private_addresses = ?, timeout_millis = ?, field_timestamp = ?,"
                    + " field_namespace = ?, field_pod = ?, field_container = ?,"
                    + " field_message = ?, keyword_suffix = ?, updated_by = ?, updated_at = ?"
                    + " WHERE cluster_name = ?")
            .params(values)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO kubeward_log_archive ("
                  + COLUMNS
                  + ", cluster_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(values)
          .update();
    }
  }

  @Override
  public boolean delete(String cluster) {
    return jdbc.sql("DELETE FROM kubeward_log_archive WHERE cluster_name = ?")
            .params(cluster)
            .update()
        > 0;
  }

  private static String associated(String cluster) {
    return "log-archive:" + cluster;
  }
}
