package io.kubeward.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.server.persistence.TestDatabases;
import io.kubeward.tenancy.app.TeamTemplateStore;
import io.kubeward.tenancy.domain.LimitRangeSpec;
import io.kubeward.tenancy.domain.PsaLevel;
import io.kubeward.tenancy.domain.TeamTemplate;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The team template store (Flyway V93), the same tests on H2 and on PostgreSQL. */
abstract class TeamTemplateStoreContract {

  static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");

  HikariDataSource dataSource;
  JdbcTeamTemplateStore store;

  abstract String newDatabaseUrl();

  String user() {
    return null;
  }

  @BeforeEach
  void migrate() {
    dataSource = TestDatabases.migrated(newDatabaseUrl(), user());
    store = new JdbcTeamTemplateStore(JdbcClient.create(dataSource), JsonMapper.builder().build());
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  static TeamTemplate template(String name, String pods) {
    return new TeamTemplate(
        name,
        "for " + name,
        Map.of("pods", pods, "requests.cpu", "4"),
        new LimitRangeSpec(
            Map.of("cpu", "500m"),
            Map.of("cpu", "100m"),
            Map.of(),
            Map.of("memory", "2Gi"),
            Map.of()),
        true,
        PsaLevel.BASELINE,
        "v1.34",
        "admin");
  }

  @Test
  void savesReplacesListsAndDeletesTemplatesWithEveryField() {
    store.save(new TeamTemplateStore.Stored(template("data", "10"), "alice", T0));
    store.save(new TeamTemplateStore.Stored(template("apps", "20"), "bob", T0));
    assertThat(store.find("data").orElseThrow())
        .isEqualTo(new TeamTemplateStore.Stored(template("data", "10"), "alice", T0));
    store.save(new TeamTemplateStore.Stored(template("data", "30"), "carol", T0.plusSeconds(5)));
    assertThat(store.find("data").orElseThrow().template().quotaHard()).containsEntry("pods", "30");
    assertThat(store.find("data").orElseThrow().updatedBy()).isEqualTo("carol");
    assertThat(store.all()).extracting(s -> s.template().name()).containsExactly("apps", "data");
    assertThat(store.delete("data")).isTrue();
    assertThat(store.delete("data")).isFalse();
    assertThat(store.find("data")).isEmpty();
  }
}
