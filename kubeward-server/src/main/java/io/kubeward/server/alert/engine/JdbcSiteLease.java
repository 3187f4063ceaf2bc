package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.engine.SiteLease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases in {@code kubeward_alert_lease} (ADR 0031): one conditional UPDATE takes or renews a lease
 * (the database serialises two replicas racing for it); the first holder INSERTs the row.
 */
final class JdbcSiteLease implements SiteLease {

  private final JdbcClient jdbc;

  JdbcSiteLease(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean acquire(String name, String identity, Instant now, Duration duration) {
    long until = now.plus(duration).toEpochMilli();
    int updated =
        jdbc.sql(
                "UPDATE kubeward_alert_lease SET holder = ?, until_ms = ?, acquired_ms = CASE WHEN"
                    + " holder = ? THEN acquired_ms ELSE ? END WHERE name = ? AND (holder = ? OR"
                    + " until_ms < ?)")
            .params(
                identity, until, identity, now.toEpochMilli(), name, identity, now.toEpochMilli())
            .update();
    if (updated > 0) {
      return true;
    }
    if (holder(name).isPresent()) {
      return false;
    }
    try {
      jdbc.sql(
              "INSERT INTO kubeward_alert_lease (name, holder, until_ms, acquired_ms) VALUES (?, ?,"
                  + " ?, ?)")
          .params(name, identity, until, now.toEpochMilli())
          .update();
      return true;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  @Override
  public void release(String name, String identity) {
    jdbc.sql("UPDATE kubeward_alert_lease SET until_ms = 0 WHERE name = ? AND holder = ?")
        .params(name, identity)
        .update();
  }

  @Override
  public Optional<Holder> holder(String name) {
    return jdbc.sql("SELECT holder, until_ms FROM kubeward_alert_lease WHERE name = ?")
        .param(name)
        .query(
            (rs, row) ->
                new Holder(rs.getString("holder"), Instant.ofEpochMilli(rs.getLong("until_ms"))))
        .optional();
  }
}
