package io.kubeward.server.etcd;

import io.kubeward.etcd.app.EtcdConnectionStore;
import io.kubeward.etcd.domain.EtcdConnection;
import io.kubeward.etcd.domain.EtcdException;
import io.kubeward.server.cluster.CredentialCipher;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The etcd connections ({@code etcd_connections}, Flyway V92): the client certificate and key
 * encrypted with the credential key (ADR 0009), bound to their cluster and field by the associated
 * data, so that a value copied to another row or column does not decrypt.
 */
final class JdbcEtcdConnectionStore implements EtcdConnectionStore {

  private static final String COLUMNS =
      "cluster_name, endpoints, ca_pem, cert_encrypted, key_encrypted, location, retain_count,"
          + " updated_by, updated_at";

  private final JdbcClient jdbc;
  private final CredentialCipher cipher;

  JdbcEtcdConnectionStore(JdbcClient jdbc, CredentialCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** How many encrypted values the table holds (guards the key file, ADR 0009). */
  static int encryptedValues(JdbcClient jdbc) {
    return 2 * jdbc.sql("SELECT COUNT(*) FROM etcd_connections").query(Integer.class).single();
  }

  @Override
  public Optional<Stored> find(String cluster) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM etcd_connections WHERE cluster_name = ?")
        .params(cluster)
        .query((rs, row) -> read(rs))
        .optional();
  }

  @Override
  public void save(Stored stored) {
    EtcdConnection c = stored.connection();
    String cluster = stored.cluster();
    String endpoints = String.join(",", c.endpoints().stream().map(URI::toString).toList());
    String cert = cipher.encrypt(c.certPem(), associated(cluster, "cert"));
    String key = cipher.encrypt(c.keyPem(), associated(cluster, "key"));
    Timestamp at = Timestamp.from(stored.updatedAt());
    int updated =
        jdbc.sql(
                "UPDATE etcd_connections SET endpoints = ?, ca_pem = ?, cert_encrypted = ?,"
                    + " key_encrypted = ?, location = ?, retain_count = ?, updated_by = ?,"
                    + " updated_at = ? WHERE cluster_name = ?")
            .params(
                endpoints,
                c.caPem(),
                cert,
                key,
                c.location(),
                c.retain(),
                stored.updatedBy(),
                at,
                cluster)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO etcd_connections (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              cluster,
              endpoints,
              c.caPem(),
              cert,
              key,
              c.location(),
              c.retain(),
              stored.updatedBy(),
              at)
          .update();
    }
  }

  @Override
  public boolean delete(String cluster) {
    return jdbc.sql("DELETE FROM etcd_connections WHERE cluster_name = ?").params(cluster).update()
        > 0;
  }

  @Override
  public List<String> clusters() {
    return jdbc.sql("SELECT cluster_name FROM etcd_connections ORDER BY cluster_name")
        .query(String.class)
        .list();
  }

  private Stored read(ResultSet rs) throws SQLException {
    String cluster = rs.getString("cluster_name");
    String cert;
    String key;
    try {
      cert = cipher.decrypt(rs.getString("cert_encrypted"), associated(cluster, "cert"));
      key = cipher.decrypt(rs.getString("key_encrypted"), associated(cluster, "key"));
    } catch (IllegalStateException e) {
      throw EtcdException.unreadable(cluster);
    }
    List<URI> endpoints =
        Arrays.stream(rs.getString("endpoints").split(","))
            .filter(s -> !s.isBlank())
            .map(URI::create)
            .toList();
    return new Stored(
        cluster,
        new EtcdConnection(
            endpoints,
            rs.getString("ca_pem"),
            cert,
            key,
            rs.getString("location"),
            rs.getInt("retain_count")),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static String associated(String cluster, String field) {
    return "etcd:" + cluster + ":" + field;
  }
}
