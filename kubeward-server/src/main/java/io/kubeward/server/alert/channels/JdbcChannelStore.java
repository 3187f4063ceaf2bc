package io.kubeward.server.alert.channels;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.alert.app.channel.ChannelException;
import io.kubeward.alert.app.channel.ChannelStore;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.server.cluster.CredentialCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alert channels ({@code kubeward_alert_channel}, Flyway V82): plain settings as JSON, the
 * secrets as one JSON object encrypted with the credential key (ADR 0009) and {@code
 * alert-channel:<name>} as associated data, so that a value copied to another row does not decrypt.
 * Listing works without decrypting (the secrets' names are stored in the clear); {@link #find}
 * decrypts and fails with {@code alert-channel.unreadable} when the key changed.
 */
final class JdbcChannelStore implements ChannelStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
  private static final String COLUMNS =
      "name, channel_type, enabled, language, settings_json, secret_names, secrets_encrypted,"
          + " allow_private_addresses, max_per_minute, title_template, body_template, updated_by,"
          + " updated_at";

  private final JdbcClient jdbc;
  private final CredentialCipher cipher;

  JdbcChannelStore(JdbcClient jdbc, CredentialCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** How many channels hold encrypted secrets (guards the key file, ADR 0009). */
  static int encryptedValues(JdbcClient jdbc) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM kubeward_alert_channel WHERE secrets_encrypted IS NOT NULL")
        .query(Integer.class)
        .single();
  }

  @Override
  public List<Stored> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM kubeward_alert_channel ORDER BY name")
        .query((rs, row) -> read(rs, false))
        .list();
  }

  @Override
  public Optional<Stored> find(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM kubeward_alert_channel WHERE name = ?")
        .params(name)
        .query((rs, row) -> read(rs, true))
        .optional();
  }

  private Stored read(ResultSet rs, boolean strict) throws SQLException {
    String name = rs.getString("name");
    Map<String, String> secrets = new TreeMap<>();
    String encrypted = rs.getString("secrets_encrypted");
    if (encrypted != null) {
      try {
        secrets.putAll(JSON.readValue(cipher.decrypt(encrypted, associated(name)), MAP));
      } catch (IllegalStateException | IOException e) {
        if (strict) {
          throw ChannelException.unreadable(name);
        }
        String names = rs.getString("secret_names");
        Arrays.stream(names.split(",")).filter(n -> !n.isBlank()).forEach(n -> secrets.put(n, ""));
      }
    }
    ChannelSettings settings =
        new ChannelSettings(
            name,
            rs.getString("channel_type"),
            rs.getBoolean("enabled"),
            ChannelLanguage.ofTag(rs.getString("language")).orElse(ChannelLanguage.EN),
            parse(rs.getString("settings_json")),
            secrets,
            rs.getString("title_template"),
            rs.getString("body_template"),
            rs.getInt("max_per_minute"),
            rs.getBoolean("allow_private_addresses"));
    return new Stored(
        settings, rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
  }

  private static Map<String, String> parse(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable channel settings", e);
    }
  }

  private Object[] values(Stored stored) {
    ChannelSettings s = stored.settings();
    try {
      String encrypted =
          s.secrets().isEmpty()
              ? null
              : cipher.encrypt(JSON.writeValueAsString(s.secrets()), associated(s.name()));
      return new Object[] {
        s.type(),
        s.enabled(),
        s.language().tag(),
        JSON.writeValueAsString(s.settings()),
        String.join(",", s.secrets().keySet()),
        encrypted,
        s.allowPrivateAddresses(),
        s.maxPerMinute(),
        s.titleTemplate(),
        s.bodyTemplate(),
        stored.updatedBy(),
        Timestamp.from(stored.updatedAt()),
        s.name()
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean insert(Stored channel) {
    if (find(channel.settings().name()).isPresent()) {
      return false;
    }
    try {
      jdbc.sql(
              "INSERT INTO kubeward_alert_channel (channel_type, enabled, language, settings_json,"
                  + " secret_names, secrets_encrypted, allow_private_addresses, max_per_minute,"
                  + " title_template, body_template, updated_by, updated_at, name)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(values(channel))
          .update();
      return true;
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      return false;
    }
  }

  @Override
  public boolean update(Stored channel) {
    return jdbc.sql(
                "UPDATE kubeward_alert_channel SET channel_type = ?, enabled = ?, language = ?,"
                    + " settings_json = ?, secret_names = ?, secrets_encrypted = ?,"
                    + " allow_private_addresses = ?, max_per_minute = ?, title_template = ?,"
                    + " body_template = ?, updated_by = ?, updated_at = ? WHERE name = ?")
            .params(values(channel))
            .update()
        > 0;
  }

  @Override
  public boolean delete(String name) {
    return jdbc.sql("DELETE FROM kubeward_alert_channel WHERE name = ?").params(name).update() > 0;
  }

  private static String associated(String name) {
    return "alert-channel:" + name;
  }
}
