package io.kubeward.server.alert.routing;

import io.kubeward.alert.app.routing.PolicyConflictException;
import io.kubeward.alert.app.routing.PolicyStore;
import io.kubeward.alert.domain.routing.PolicyDocument;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The policy document's versions ({@code kubeward_alert_policy}); the newest is in force. */
final class JdbcPolicyStore implements PolicyStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JdbcPolicyStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public Optional<Stored> current() {
    return jdbc.sql(
            "SELECT version, document, updated_by, updated_at FROM kubeward_alert_policy"
                + " ORDER BY version DESC LIMIT 1")
        .query(
            (rs, row) ->
                new Stored(
                    rs.getLong("version"),
                    json.readValue(rs.getString("document"), PolicyDocument.class),
                    rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  @Override
  public long currentVersion() {
    return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM kubeward_alert_policy")
        .query(Long.class)
        .single();
  }

  @Override
  public Stored save(PolicyDocument document, long expectedVersion, String by, Instant at) {
    long current = currentVersion();
    if (current != expectedVersion) {
      throw new PolicyConflictException(expectedVersion, current);
    }
    try {
      jdbc.sql(
              "INSERT INTO kubeward_alert_policy (version, document, updated_by, updated_at)"
                  + " VALUES (?, ?, ?, ?)")
          .params(expectedVersion + 1, json.writeValueAsString(document), by, Timestamp.from(at))
          .update();
    } catch (DuplicateKeyException e) {
      throw new PolicyConflictException(expectedVersion, currentVersion());
    }
    return new Stored(expectedVersion + 1, document, by, at);
  }
}
