package io.kubeward.server.alert.routing;

import io.kubeward.alert.app.routing.SuppressionLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The holds already recorded in the history ({@code kubeward_alert_hold}). */
final class JdbcSuppressionLog implements SuppressionLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcSuppressionLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public boolean firstTime(
      String scopeKey, String fingerprint, Instant firingSince, String reason) {
    String r = reason.length() > 120 ? reason.substring(0, 120) : reason;
    try {
      return jdbc.sql(
                  "INSERT INTO kubeward_alert_hold (scope_key, fingerprint, firing_since, reason,"
                      + " noted_at) VALUES (?, ?, ?, ?, ?)")
              .params(
                  scopeKey,
                  fingerprint,
                  Timestamp.from(firingSince),
                  r,
                  Timestamp.from(clock.instant()))
              .update()
          > 0;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public int purge(Instant before) {
    return jdbc.sql("DELETE FROM kubeward_alert_hold WHERE firing_since < ?")
        .params(Timestamp.from(before))
        .update();
  }
}
