package io.kubeward.server.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.diagnostics.app.RunbookStore;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.FindingFilter;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The resolved findings and site runbook stores on H2 as Kubeward runs it (V71). */
class H2DiagnosticsStoresTest {

  static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
  @TempDir Path dir;
  HikariDataSource dataSource;
  JdbcFindingHistory history;
  JdbcRunbookStore runbooks;

  @BeforeEach
  void migrate() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(
        "jdbc:h2:file:"
            + dir.resolve("kubeward")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    Flyway.configure().dataSource(dataSource).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    history = new JdbcFindingHistory(jdbc, JsonMapper.builder().build());
    runbooks =
        new JdbcRunbookStore(jdbc, new TransactionTemplate(new JdbcTransactionManager(dataSource)));
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  static Finding resolved(String id, String name, Severity severity, Instant at) {
    return new Finding(
        id,
        "c1",
        RuleId.of("pod.crash-loop"),
        severity,
        ObjectRef.of("Pod", "shop", name),
        Bilingual.of("Container in a crash loop", "容器反复崩溃"),
        Bilingual.of("Container app keeps exiting.", "容器 app 反复退出。"),
        List.of(
            Evidence.of(
                Evidence.CONTAINER_STATE, "container app: state", "Waiting: CrashLoopBackOff")),
        Bilingual.of("Read the log.", "查看日志。"),
        Finding.runbookPath(RuleId.of("pod.crash-loop")),
        at.minusSeconds(600),
        at.minusSeconds(5),
        at);
  }

  @Test
  void resolvedFindingsAreStoredFilteredAndPruned() {
    history.saveResolved(resolved("a1", "web-1", Severity.CRITICAL, T0));
    history.saveResolved(resolved("a2", "web-2", Severity.WARNING, T0.plusSeconds(60)));
    history.saveResolved(resolved("a3", "web-3", Severity.CRITICAL, T0.plusSeconds(120)));

    List<Finding> all = history.resolved("c1", FindingFilter.ACTIVE, 10);
    assertThat(all).extracting(Finding::id).containsExactly("a3", "a2", "a1");
    assertThat(all.getFirst())
        .isEqualTo(resolved("a3", "web-3", Severity.CRITICAL, T0.plusSeconds(120)));
    FindingFilter critical =
        new FindingFilter(Set.of(Severity.CRITICAL), null, "shop", "Pod", null, null, null);
    assertThat(history.resolved("c1", critical, 10))
        .extracting(Finding::id)
        .containsExactly("a3", "a1");
    assertThat(history.clusters()).containsExactly("c1");

    assertThat(history.prune("c1", T0.plusSeconds(30), 10)).isEqualTo(1);
    assertThat(history.prune("c1", T0, 1)).isEqualTo(1);
    assertThat(history.resolved("c1", FindingFilter.ACTIVE, 10))
        .extracting(Finding::id)
        .containsExactly("a3");
  }

  @Test
  void siteTextIsReplacedAndRemoved() {
    RuleId rule = RuleId.of("pod.unschedulable");
    runbooks.save(new RunbookStore.SiteText(rule, "first", "admin", T0));
    runbooks.save(new RunbookStore.SiteText(rule, "Call #k8s-oncall", "alice", T0.plusSeconds(1)));

    assertThat(runbooks.find(rule))
        .hasValueSatisfying(
            t -> {
              assertThat(t.markdown()).isEqualTo("Call #k8s-oncall");
              assertThat(t.updatedBy()).isEqualTo("alice");
            });
    assertThat(runbooks.delete(rule)).isTrue();
    assertThat(runbooks.find(rule)).isEmpty();
  }
}
