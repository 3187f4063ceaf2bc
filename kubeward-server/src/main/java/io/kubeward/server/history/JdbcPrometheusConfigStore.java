package io.kubeward.server.history;

import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.history.app.PrometheusException;
import io.kubeward.history.domain.PrometheusSettings;
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
 * Each cluster's Prometheus settings ({@code kubeward_prometheus}); the bearer token or password
 * encrypted with the key of the cluster credentials (ADR 0009), with {@code prometheus:<cluster>}
 * as associated data so that a value copied to another row does not decrypt.
 */
final class JdbcPrometheusConfigStore implements PrometheusConfigStore {

  private final JdbcClient jdbc;
  private final CredentialCipher cipher;

  JdbcPrometheusConfigStore(JdbcClient jdbc, CredentialCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** How many stored settings hold an encrypted secret (guards the key file, ADR 0009). */
  static int encryptedValues(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM kubeward_prometheus WHERE secret_encrypted IS NOT NULL")
        .query(Integer.class)
        .single();
  }

  @Override
  public Optional<Stored> find(String cluster) {
    return jdbc.sql(
            "SELECT cluster_name, url, auth_kind, username, secret_encrypted, insecure_skip_verify,"
                + " ca_pem, allow_private_addresses, timeout_millis, updated_by, updated_at"
                + " FROM kubeward_prometheus WHERE cluster_name = ?")
        .params(cluster)
        .query((rs, row) -> read(rs))
        .optional();
  }

  private Stored read(ResultSet rs) throws SQLException {
    String cluster = rs.getString("cluster_name");
    PrometheusSettings.Auth auth =
        PrometheusSettings.Auth.valueOf(rs.getString("auth_kind").toUpperCase(Locale.ROOT));
    String encrypted = rs.getString("secret_encrypted");
    String secret;
    try {
      secret = encrypted == null ? null : cipher.decrypt(encrypted, associated(cluster));
    } catch (IllegalStateException e) {
      throw PrometheusException.unavailable(
          cluster,
          "the stored Prometheus credentials do not decrypt with the configured key; an"
              + " administrator must configure Prometheus again");
    }
    PrometheusSettings settings =
        new PrometheusSettings(
            URI.create(rs.getString("url")),
            auth,
            rs.getString("username"),
            auth == PrometheusSettings.Auth.BEARER ? secret : null,
            auth == PrometheusSettings.Auth.BASIC ? secret : null,
            rs.getBoolean("insecure_skip_verify"),
            rs.getString("ca_pem"),
            rs.getBoolean("allow_private_addresses"),
            Duration.ofMillis(rs.getLong("timeout_millis")));
    return new Stored(
        cluster, settings, rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
  }

  @Override
  public void save(Stored stored) {
    PrometheusSettings s = stored.settings();
    String secret =
        switch (s.auth()) {
          case NONE -> null;
          case BEARER -> s.bearerToken();
          case BASIC -> s.password();
        };
    String encrypted = secret == null ? null : cipher.encrypt(secret, associated(stored.cluster()));
    Object[] values = {
      s.url().toString(),
      s.auth().name().toLowerCase(Locale.ROOT),
      s.username(),
      encrypted,
      s.insecureSkipVerify(),
      s.caPem(),
      s.allowPrivateAddresses(),
      s.timeout().toMillis(),
      stored.updatedBy(),
      Timestamp.from(stored.updatedAt()),
      stored.cluster()
    };
    int updated =
        jdbc.sql(
                "UPDATE kubeward_prometheus SET url = ?, auth_kind = ?, username = ?,"
                    + " secret_encrypted = ?, insecure_skip_verify = ?, ca_pem = ?,"
                    + " allow_private_addresses = ?, timeout_millis = ?, updated_by = ?,"
                    + " updated_at = ? WHERE cluster_name = ?")
            .params(values)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO kubeward_prometheus (url, auth_kind, username, secret_encrypted,"
                  + " insecure_skip_verify, ca_pem, allow_private_addresses, timeout_millis,"
                  + " updated_by, updated_at, cluster_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(values)
          .update();
    }
  }

  @Override
  public boolean delete(String cluster) {
    return jdbc.sql("DELETE FROM kubeward_prometheus WHERE cluster_name = ?")
            .params(cluster)
            .update()
        > 0;
  }

  private static String associated(String cluster) {
    return "prometheus:" + cluster;
  }
}
