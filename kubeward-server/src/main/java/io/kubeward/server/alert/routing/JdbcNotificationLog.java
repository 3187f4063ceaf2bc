package io.kubeward.server.alert.routing;

import io.kubeward.alert.app.routing.NotificationLog;
import io.kubeward.alert.domain.routing.NotificationLogEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The notification log ({@code kubeward_alert_notification_log}). */
final class JdbcNotificationLog implements NotificationLog {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JdbcNotificationLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  static String hash(String groupKey) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(groupKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<NotificationLogEntry> find(String scopeKey, String groupKey, String channel) {
    return jdbc.sql(
            "SELECT firing, resolved, sent_at FROM kubeward_alert_notification_log"
                + " WHERE scope_key = ? AND group_hash = ? AND channel = ?")
        .params(scopeKey, hash(groupKey), channel)
        .query(
            (rs, row) ->
                new NotificationLogEntry(
                    scopeKey,
                    groupKey,
                    channel,
                    new TreeSet<>(json.readValue(rs.getString("firing"), STRINGS)),
                    new TreeSet<>(json.readValue(rs.getString("resolved"), STRINGS)),
                    rs.getTimestamp("sent_at").toInstant()))
        .optional();
  }

  @Override
  public void put(NotificationLogEntry e) {
    Object[] values = {
      e.groupKey(),
      json.writeValueAsString(new TreeSet<>(e.firing())),
      json.writeValueAsString(new TreeSet<>(e.resolved())),
      !e.firing().isEmpty(),
      Timestamp.from(e.sentAt()),
      e.scopeKey(),
      hash(e.groupKey()),
      e.channel()
    };
    int updated =
        jdbc.sql(
                "UPDATE kubeward_alert_notification_log SET group_key = ?, firing = ?,"
                    + " resolved = ?, has_firing = ?, sent_at = ?"
                    + " WHERE scope_key = ? AND group_hash = ? AND channel = ?")
            .params(values)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO kubeward_alert_notification_log (group_key, firing, resolved,"
                  + " has_firing, sent_at, scope_key, group_hash, channel)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(values)
          .update();
    }
  }

  @Override
  public Optional<Instant> oldestWithFiring(String scopeKey) {
    return jdbc.sql(
            "SELECT sent_at FROM kubeward_alert_notification_log"
                + " WHERE scope_key = ? AND has_firing = TRUE ORDER BY sent_at LIMIT 1")
        .params(scopeKey)
        .query((rs, row) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  @Override
  public int purge(Instant before) {
    return jdbc.sql("DELETE FROM kubeward_alert_notification_log WHERE sent_at < ?")
        .params(Timestamp.from(before))
        .update();
  }
}
