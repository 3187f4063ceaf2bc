package io.kubeward.server.alert.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.alert.app.engine.AlertQuery;
import io.kubeward.alert.app.engine.HistoryQuery;
import io.kubeward.alert.app.engine.SiteLease;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.RuleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert store, the alerting history and the site lease, the same tests on H2 and PostgreSQL.
 */
abstract class AlertStoreContract {

  static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
  static final AlertScope LOCAL = AlertScope.ofCluster("local");

  HikariDataSource dataSource;
  JdbcAlertStates store;
  JdbcAlertHistory history;
  JdbcSiteLease lease;

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
    store =
        new JdbcAlertStates(
            jdbc,
            new TransactionTemplate(new JdbcTransactionManager(dataSource)),
            JsonMapper.builder().build());
    history = new JdbcAlertHistory(jdbc);
    lease = new JdbcSiteLease(jdbc);
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  static Alert alert(
      AlertScope scope, String pod, AlertState state, Instant since, AlertSeverity severity) {
    TreeMap<String, String> labels = new TreeMap<>();
    labels.put(AlertLabels.ALERTNAME, "pod-crash-looping");
    labels.put(AlertLabels.CLUSTER, "local");
    labels.put(AlertLabels.SEVERITY, severity.label());
    labels.put(AlertLabels.RULE, "pod-crash-looping");
    labels.put(AlertLabels.NAMESPACE, "shop");
    labels.put(AlertLabels.POD, pod);
    return new Alert(
        AlertLabels.fingerprint(labels),
        scope,
        RuleKey.of("pod-crash-looping"),
        labels,
        Map.of("summary", "Pod " + pod + " crash-loops", "summary.zh-CN", "容器组 " + pod + " 反复崩溃"),
        state,
        since,
        state == AlertState.PENDING ? null : since.plusSeconds(60),
        state == AlertState.RESOLVED ? since.plusSeconds(120) : null,
        since.plusSeconds(120),
        state == AlertState.PENDING ? null : 3.0);
  }

  @Test
  void alertsAreWrittenReplacedDroppedAndReadBack() {
    Alert a = alert(LOCAL, "a", AlertState.PENDING, T0, AlertSeverity.WARNING);
    Alert b = alert(LOCAL, "b", AlertState.FIRING, T0.plusSeconds(1), AlertSeverity.CRITICAL);
    store.apply(LOCAL, List.of(a, b), Set.of());
    assertThat(store.load(LOCAL)).containsExactlyInAnyOrder(a, b);

    Alert aFiring = alert(LOCAL, "a", AlertState.FIRING, T0, AlertSeverity.WARNING);
    store.apply(LOCAL, List.of(aFiring), Set.of(b.fingerprint()));
    assertThat(store.load(LOCAL)).containsExactly(aFiring);
    assertThat(store.find(LOCAL, aFiring.fingerprint())).contains(aFiring);
    assertThat(store.find(AlertScope.site(), aFiring.fingerprint())).isEmpty();
    assertThat(store.load(AlertScope.ofCluster("other"))).isEmpty();
    assertThat(aFiring.annotation("summary", true)).isEqualTo("容器组 a 反复崩溃");
  }

  @Test
  void dispatchSeesFiringAndRecentlyResolvedOldestFirst() {
    Alert firing = alert(LOCAL, "f", AlertState.FIRING, T0.plusSeconds(10), AlertSeverity.WARNING);
    Alert pending = alert(LOCAL, "p", AlertState.PENDING, T0, AlertSeverity.WARNING);
    Alert resolvedOld = alert(LOCAL, "r1", AlertState.RESOLVED, T0, AlertSeverity.WARNING);
    Alert resolvedNew =
        alert(LOCAL, "r2", AlertState.RESOLVED, T0.plusSeconds(600), AlertSeverity.WARNING);
    store.apply(LOCAL, List.of(firing, pending, resolvedOld, resolvedNew), Set.of());
    assertThat(store.forDispatch(LOCAL, T0.plusSeconds(300))).containsExactly(firing, resolvedNew);
    assertThat(store.purgeResolved(T0.plusSeconds(300))).isEqualTo(1);
    assertThat(store.load(LOCAL)).hasSize(3);
  }

  @Test
  void queriesFilterAndOrderFiringFirst() {
    Alert pending = alert(LOCAL, "p", AlertState.PENDING, T0.plusSeconds(50), AlertSeverity.INFO);
    Alert old = alert(LOCAL, "o", AlertState.FIRING, T0, AlertSeverity.CRITICAL);
    Alert young = alert(LOCAL, "y", AlertState.FIRING, T0.plusSeconds(20), AlertSeverity.WARNING);
    Alert site =
        alert(AlertScope.site(), "s", AlertState.FIRING, T0.plusSeconds(5), AlertSeverity.CRITICAL);
    store.apply(LOCAL, List.of(pending, old, young), Set.of());
    store.apply(AlertScope.site(), List.of(site), Set.of());

    assertThat(store.query(AlertQuery.all(), 100)).containsExactly(young, site, old, pending);
    assertThat(store.query(AlertQuery.all(), 2)).containsExactly(young, site);
    assertThat(
            store.query(
                new AlertQuery(
                    "local", Set.of(AlertState.FIRING), Set.of(AlertSeverity.CRITICAL), null),
                100))
        .containsExactly(site, old);
    assertThat(store.query(new AlertQuery("elsewhere", Set.of(), Set.of(), null), 100)).isEmpty();
    assertThat(store.query(new AlertQuery(null, Set.of(), Set.of(), "pod-crash-looping"), 100))
        .hasSize(4);
  }

  @Test
  void historyRecordsQueriesPagesAndPurges() {
    Alert a = alert(LOCAL, "a", AlertState.FIRING, T0, AlertSeverity.WARNING);
    history.record(HistoryEntry.ofAlert(HistoryKind.FIRING, a, T0, "pod=a"));
    history.record(
        new HistoryEntry(
            null,
            T0.plusSeconds(1),
            LOCAL,
            HistoryKind.NOTIFICATION,
            null,
            null,
            "ops-webhook",
            "{}/{alertname=\"x\"}",
            "ab".repeat(32),
            "failed",
            1,
            120L,
            "x".repeat(5000),
            "1 alert"));
    history.record(HistoryEntry.ofAlert(HistoryKind.RESOLVED, a, T0.plusSeconds(60), null));

    List<HistoryEntry> all = history.query(query(Set.of(), null, null, null, 100));
    assertThat(all)
        .extracting(HistoryEntry::kind)
        .containsExactly(HistoryKind.RESOLVED, HistoryKind.NOTIFICATION, HistoryKind.FIRING);
    HistoryEntry sent = all.get(1);
    assertThat(sent.channel()).isEqualTo("ops-webhook");
    assertThat(sent.latencyMillis()).isEqualTo(120L);
    assertThat(sent.error()).hasSize(2048);
    assertThat(sent.attempt()).isEqualTo(1);

    assertThat(history.query(query(Set.of(), a.fingerprint(), null, null, 100))).hasSize(2);
    assertThat(history.query(query(Set.of(), null, null, "ops-webhook", 100)))
        .containsExactly(sent);
    assertThat(history.query(query(Set.of("site"), null, null, null, 100))).isEmpty();
    assertThat(
            history.query(
                new HistoryQuery(
                    Set.of(LOCAL.key()),
                    null,
                    "pod-crash-looping",
                    null,
                    Set.of(HistoryKind.FIRING),
                    T0,
                    T0.plusSeconds(1),
                    null,
                    10)))
        .hasSize(1);
    List<HistoryEntry> page = history.query(query(Set.of(), null, null, null, 1));
    assertThat(
            history.query(
                new HistoryQuery(
                    Set.of(), null, null, null, Set.of(), null, null, page.get(0).id(), 10)))
        .hasSize(2);

    assertThat(history.purge(T0.plusSeconds(30))).isEqualTo(2);
    assertThat(history.query(query(Set.of(), null, null, null, 100))).hasSize(1);
  }

  static HistoryQuery query(
      Set<String> scopes, String fingerprint, String rule, String channel, int limit) {
    return new HistoryQuery(scopes, fingerprint, rule, channel, Set.of(), null, null, null, limit);
  }

  @Test
  void oneReplicaHoldsTheSiteLeaseUntilItRunsOutOrIsReleased() {
    Duration d = Duration.ofSeconds(15);
    assertThat(lease.acquire("site", "a", T0, d)).isTrue();
    assertThat(lease.acquire("site", "b", T0.plusSeconds(5), d)).isFalse();
    assertThat(lease.acquire("site", "a", T0.plusSeconds(10), d)).isTrue();
    assertThat(lease.holder("site")).contains(new SiteLease.Holder("a", T0.plusSeconds(25)));
    assertThat(lease.acquire("site", "b", T0.plusSeconds(20), d)).isFalse();
    assertThat(lease.acquire("site", "b", T0.plusSeconds(26), d)).isTrue();
    assertThat(lease.acquire("site", "a", T0.plusSeconds(27), d)).isFalse();
    lease.release("site", "b");
    assertThat(lease.acquire("site", "a", T0.plusSeconds(28), d)).isTrue();
    assertThat(lease.holder("other")).isEmpty();
  }
}
