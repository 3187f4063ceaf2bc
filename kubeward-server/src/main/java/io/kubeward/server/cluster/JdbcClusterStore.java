package io.kubeward.server.cluster;

import io.kubeward.cluster.app.ClusterStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Added clusters in the database ({@code kubeward_cluster}), kubeconfig encrypted. */
final class JdbcClusterStore implements ClusterStore {

  private final JdbcClient jdbc;
  private final CredentialCipher cipher;

  JdbcClusterStore(JdbcClient jdbc, CredentialCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /**
   * @throws CredentialKeyException if a stored kubeconfig does not decrypt with the key (another
   *     key, or altered)
   */
  @Override
  public List<StoredCluster> load() {
    return jdbc.sql(
            "SELECT name, context_name, kubeconfig_encrypted, added_by, added_at"
                + " FROM kubeward_cluster ORDER BY name")
        .query(this::stored)
        .list();
  }

  private StoredCluster stored(ResultSet rs, int row) throws SQLException {
    return new StoredCluster(
        rs.getString("name"),
        decrypt(rs.getString("kubeconfig_encrypted"), rs.getString("name")),
        rs.getString("context_name"),
        rs.getString("added_by"),
        rs.getTimestamp("added_at").toInstant());
  }

  private String decrypt(String stored, String name) {
    try {
      return cipher.decrypt(stored, name);
    } catch (CredentialKeyException e) {
      throw e;
    } catch (IllegalStateException e) {
      throw new CredentialKeyException(
          "the credentials of cluster \""
              + name
              + "\" do not decrypt with the configured key (kubeward.security.encryption-key or"
              + " the key file): it is not the key they were encrypted with, or they were altered",
          e);
    }
  }

  /** How many added clusters (with encrypted credentials) the database holds. */
  static int count(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM kubeward_cluster").query(Integer.class).single();
  }

  // --- issue 18 ha ---
  @Override
  public Set<String> names() {
    return Set.copyOf(jdbc.sql("SELECT name FROM kubeward_cluster").query(String.class).list());
  }

  @Override
  public Optional<StoredCluster> find(String name) {
    return jdbc.sql(
            "SELECT name, context_name, kubeconfig_encrypted, added_by, added_at"
                + " FROM kubeward_cluster WHERE name = ?")
        .params(name)
        .query(this::stored)
        .optional();
  }

  // --- end issue 18 ha ---

  @Override
  public void save(StoredCluster cluster) {
    jdbc.sql(
            "INSERT INTO kubeward_cluster"
                + " (name, context_name, kubeconfig_encrypted, added_by, added_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            cluster.name(),
            cluster.context(),
            cipher.encrypt(cluster.kubeconfig(), cluster.name()),
            cluster.addedBy(),
            Timestamp.from(cluster.addedAt()))
        .update();
  }

  @Override
  public void delete(String name) {
    jdbc.sql("DELETE FROM kubeward_cluster WHERE name = ?").params(name).update();
  }
}
