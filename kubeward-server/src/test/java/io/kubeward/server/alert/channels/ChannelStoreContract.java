package io.kubeward.server.alert.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.alert.app.channel.ChannelException;
import io.kubeward.alert.app.channel.ChannelStore;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.server.cluster.CredentialCipher;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The channel store (Flyway V82), the same tests on H2 and on PostgreSQL. */
abstract class ChannelStoreContract {

  static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

  HikariDataSource dataSource;
  JdbcClient jdbc;
  JdbcChannelStore store;

  abstract String newDatabaseUrl();

  String user() {
    return null;
  }

  @BeforeEach
  void migrate() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(newDatabaseUrl());
    if (user() != null) {
      dataSource.setUsername(user());
    }
    dataSource.setMaximumPoolSize(4);
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    store = new JdbcChannelStore(jdbc, CredentialCipher.withKey(new byte[32]));
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  static ChannelStore.Stored channel(String name, Map<String, String> secrets) {
    return new ChannelStore.Stored(
        new ChannelSettings(
            name,
            "webhook",
            true,
            ChannelLanguage.ZH_CN,
            Map.of("url", "https://hooks.example.com/" + name),
            secrets,
            "{{ status }} 告警",
            null,
            20,
            false),
        "admin",
        T0);
  }

  @Test
  void channelsRoundTripWithEncryptedSecrets() {
    assertThat(store.insert(channel("ops", Map.of("hmacKey", "k-0123456789abcdef")))).isTrue();
    assertThat(store.insert(channel("ops", Map.of()))).isFalse();
    assertThat(store.insert(channel("plain", Map.of()))).isTrue();

    ChannelStore.Stored found = store.find("ops").orElseThrow();
    assertThat(found.settings())
        .isEqualTo(channel("ops", Map.of("hmacKey", "k-0123456789abcdef")).settings());
    assertThat(found.updatedAt()).isEqualTo(T0);
    assertThat(store.all()).extracting(c -> c.settings().name()).containsExactly("ops", "plain");
    assertThat(JdbcChannelStore.encryptedValues(jdbc)).isEqualTo(1);
    String column =
        jdbc.sql("SELECT secrets_encrypted FROM kubeward_alert_channel WHERE name = 'ops'")
            .query(String.class)
            .single();
    assertThat(column).startsWith("v1:").doesNotContain("k-0123456789abcdef");

    assertThat(store.update(channel("ops", Map.of()))).isTrue();
    assertThat(store.find("ops").orElseThrow().settings().secrets()).isEmpty();
    assertThat(store.update(channel("nope", Map.of()))).isFalse();
    assertThat(store.delete("ops")).isTrue();
    assertThat(store.delete("ops")).isFalse();
    assertThat(store.find("ops")).isEmpty();
  }

  @Test
  void secretsCopiedToAnotherRowOrUnderAnotherKeyDoNotDecryptButStillList() {
    store.insert(channel("a", Map.of("hmacKey", "k-0123456789abcdef")));
    store.insert(channel("b", Map.of("hmacKey", "other-0123456789")));
    String fromA =
        jdbc.sql("SELECT secrets_encrypted FROM kubeward_alert_channel WHERE name = 'a'")
            .query(String.class)
            .single();
    jdbc.sql("UPDATE kubeward_alert_channel SET secrets_encrypted = ? WHERE name = 'b'")
        .params(fromA)
        .update();

    assertThatThrownBy(() -> store.find("b"))
        .isInstanceOf(ChannelException.class)
        .extracting(e -> ((ChannelException) e).code())
        .isEqualTo(ChannelException.UNREADABLE);

    byte[] otherKey = new byte[32];
    Arrays.fill(otherKey, (byte) 7);
    JdbcChannelStore rekeyed = new JdbcChannelStore(jdbc, CredentialCipher.withKey(otherKey));
    assertThat(rekeyed.all())
        .allSatisfy(c -> assertThat(c.settings().secrets()).containsOnlyKeys("hmacKey"));
  }
}
