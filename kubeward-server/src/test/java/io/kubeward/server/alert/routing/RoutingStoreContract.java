package io.kubeward.server.alert.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.alert.app.routing.PolicyConflictException;
import io.kubeward.alert.domain.routing.NotificationLogEntry;
import io.kubeward.alert.domain.routing.PolicyDocument;
import io.kubeward.alert.domain.routing.Silence;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Routing's stores (Flyway V81), the same tests on H2 and on PostgreSQL. */
abstract class RoutingStoreContract {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  HikariDataSource dataSource;
  JdbcPolicyStore policies;
  JdbcSilenceStore silences;
  JdbcNotificationLog log;
  JdbcSuppressionLog holds;

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
    JdbcClient jdbc = JdbcClient.create(dataSource);
    policies = new JdbcPolicyStore(jdbc, JSON);
    silences = new JdbcSilenceStore(jdbc, JSON);
    log = new JdbcNotificationLog(jdbc, JSON);
    holds = new JdbcSuppressionLog(jdbc, Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  @Test
  void policyVersionsRoundTripAndConflict() {
    assertThat(policies.currentVersion()).isZero();
    assertThat(policies.current()).isEmpty();
    policies.save(PolicyDocument.defaults(), 0, "ada", T0);
    var second = policies.save(PolicyDocument.defaults(), 1, "bob", T0.plusSeconds(1));
    assertThat(second.version()).isEqualTo(2);
    assertThat(policies.current())
        .hasValueSatisfying(
            s -> {
              assertThat(s.version()).isEqualTo(2);
              assertThat(s.updatedBy()).isEqualTo("bob");
              assertThat(s.document()).isEqualTo(PolicyDocument.defaults());
            });
    assertThatThrownBy(() -> policies.save(PolicyDocument.defaults(), 1, "eve", T0))
        .isInstanceOf(PolicyConflictException.class);
  }

  @Test
  void silencesAreStoredChangedListedAndPurged() {
    Silence s =
        new Silence(
            "s1",
            List.of("cluster=\"c\"", "alertname=~\"a|b\""),
            T0,
            T0.plusSeconds(60),
            "why",
            "ada",
            T0,
            null,
            null);
    silences.insert(s);
    silences.insert(
        new Silence(
            "s2",
            List.of("a=\"b\""),
            T0,
            T0.plusSeconds(10),
            "x",
            "bob",
            T0.plusSeconds(1),
            null,
            null));
    assertThat(silences.find("s1")).contains(s);
    assertThat(silences.list(10)).extracting(Silence::id).containsExactly("s2", "s1");
    assertThat(silences.unexpired(T0.plusSeconds(30)))
        .extracting(Silence::id)
        .containsExactly("s1");
    Silence changed =
        new Silence(
            "s1",
            s.matcherTexts(),
            T0,
            T0.plusSeconds(90),
            "longer",
            "ada",
            T0,
            "bob",
            T0.plusSeconds(5));
    assertThat(silences.update(changed)).isTrue();
    assertThat(silences.find("s1")).contains(changed);
    assertThat(silences.purgeExpired(T0.plusSeconds(60))).isEqualTo(1);
    assertThat(silences.find("s2")).isEmpty();
  }

  @Test
  void theNotificationLogKeepsOneRowPerGroupAndChannel() {
    String key = "0.1:{alertname=\"x\",cluster=\"c\"}";
    log.put(new NotificationLogEntry("cluster/c", key, "ops", Set.of("b", "a"), Set.of(), T0));
    log.put(new NotificationLogEntry("cluster/c", key, "pager", Set.of(), Set.of("a"), T0));
    assertThat(log.oldestWithFiring("cluster/c")).contains(T0);
    log.put(
        new NotificationLogEntry(
            "cluster/c", key, "ops", Set.of(), Set.of("a", "b"), T0.plusSeconds(60)));
    assertThat(log.find("cluster/c", key, "ops"))
        .hasValueSatisfying(
            e -> {
              assertThat(e.firing()).isEmpty();
              assertThat(e.resolved()).containsExactlyInAnyOrder("a", "b");
            });
    assertThat(log.oldestWithFiring("cluster/c")).isEmpty();
    assertThat(log.purge(T0.plusSeconds(30))).isEqualTo(1);
    assertThat(log.find("cluster/c", key, "pager")).isEmpty();
  }

  @Test
  void aHoldIsNotedOnce() {
    assertThat(holds.firstTime("site", "f", T0, "inhibited")).isTrue();
    assertThat(holds.firstTime("site", "f", T0, "inhibited")).isFalse();
    assertThat(holds.firstTime("site", "f", T0.plusSeconds(1), "inhibited")).isTrue();
    assertThat(holds.purge(T0.plusSeconds(1))).isEqualTo(1);
  }
}
